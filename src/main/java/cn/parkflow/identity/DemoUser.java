package cn.parkflow.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract's demo users: one clerk and one leader per department (the leader in the department's group and its
 * {@code <group id>-leaders} group), a supervisor and two enterprises.
 */
record DemoUser(String id, String firstName, String lastName, List<String> groupIds, String creditCode) {
  private static final String[] CLERK_NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷"};
  private static final String[] LEADER_NAMES = {"吴建国", "郑国华", "孙立新", "马文军", "朱晓东", "胡振华", "郭明", "何志强",
      "高洪涛"};

  DemoUser(String id, String firstName, String lastName, String groupId, String creditCode) {
    this(id, firstName, lastName, List.of(groupId), creditCode);
  }

  static List<DemoUser> all() {
    List<DemoUser> users = new ArrayList<>();
    List<Department> departments = Department.taskDepartments();
    for (int i = 0; i < departments.size(); i++) {
      Department d = departments.get(i);
      users.add(new DemoUser(d.groupId() + "-clerk", d.shortName(), CLERK_NAMES[i % CLERK_NAMES.length], d.groupId(), null));
    }
    for (int i = 0; i < departments.size(); i++) {
      Department d = departments.get(i);
      users.add(new DemoUser(d.groupId() + "-leader", d.shortName() + "负责人", LEADER_NAMES[i % LEADER_NAMES.length],
          List.of(d.groupId(), d.leadersGroupId()), null));
    }
    users.add(new DemoUser("supervisor", "督查室", "孙督查", Department.SUPERVISION.groupId(), null));
    users.add(new DemoUser("enterprise-a", "赣江新材料有限公司", "申报员", Department.ENTERPRISE.groupId(), "91360124MA39PFL7XC"));
    users.add(new DemoUser("enterprise-b", "瑞洪电子科技有限公司", "申报员", Department.ENTERPRISE.groupId(), "91360124MA3AQ0KD27"));
    return users;
  }

  String email() {
    return id + "@parkflow.local";
  }
}
