package cn.parkflow.web;

import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who calls the ParkFlow API: an enterprise account (with its unified social credit code) or a member of staff (with
 * their groups). Every slice's controller reads its caller this way.
 *
 * @param creditCode the enterprise's code for an enterprise account, {@code null} for staff
 */
public record ApiCaller(String userId, List<String> groups, boolean enterprise, String creditCode) {

  /** The caller of this request; an enterprise account without a bound credit code is refused (403). */
  public static ApiCaller of(Authentication auth, EnterpriseAccounts enterpriseAccounts) {
    List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    boolean enterprise = groups.contains(Department.ENTERPRISE.groupId());
    String creditCode = enterprise ? enterpriseAccounts.creditCodeOf(auth.getName())
        .orElseThrow(() -> new ForbiddenException("当前企业账号未绑定统一社会信用代码，请联系园区管委会")) : null;
    return new ApiCaller(auth.getName(), groups, enterprise, creditCode);
  }

  /** The caller's groups without the enterprise lookup (role checks of staff endpoints). */
  public static boolean inGroup(Authentication auth, Department department) {
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(department.groupId()::equals);
  }

  /** Refuses (403, with {@code message}) a caller that is not an enterprise account. */
  public ApiCaller requireEnterprise(String message) {
    if (!enterprise) {
      throw new ForbiddenException(message);
    }
    return this;
  }
}
