package cn.parkflow.identity;

import java.util.List;
import java.util.stream.Stream;

/**
 * Who may look up whom in the engine's user and group lists. Staff (the departments and the supervision office) read
 * the staff accounts and every group but {@code enterprise}; enterprise accounts are read by administrators only,
 * who hold every permission anyway. The rule is expressed as the engine's own USER and GROUP read authorizations, one
 * per account or group, so it holds for Tasklist, Cockpit, Admin and the engine REST API alike.
 */
public final class StaffDirectory {
  private StaffDirectory() {}

  /** The groups whose members read the staff directory. */
  public static List<String> readerGroups() {
    return Stream.concat(Department.taskDepartments().stream(), Stream.of(Department.SUPERVISION))
        .map(Department::groupId).toList();
  }

  /** Whether a group (and membership in it) is part of the staff directory. */
  public static boolean isStaffGroup(String groupId) {
    return !Department.ENTERPRISE.groupId().equals(groupId);
  }
}
