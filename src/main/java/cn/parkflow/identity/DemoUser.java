package cn.parkflow.identity;

import java.util.ArrayList;
import java.util.List;

/** The contract's demo users: one clerk per department, a supervisor and two enterprises. */
record DemoUser(String id, String firstName, String lastName, String groupId, String creditCode) {
  private static final String[] CLERK_NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷"};

  static List<DemoUser> all() {
    List<DemoUser> users = new ArrayList<>();
    List<Department> departments = Department.taskDepartments();
    for (int i = 0; i < departments.size(); i++) {
      Department d = departments.get(i);
      users.add(new DemoUser(d.groupId() + "-clerk", d.shortName(), CLERK_NAMES[i % CLERK_NAMES.length], d.groupId(), null));
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
