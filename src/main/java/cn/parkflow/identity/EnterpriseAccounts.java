package cn.parkflow.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Binds an enterprise account to its enterprise's unified social credit code (stored as Camunda user info). */
@Component
public class EnterpriseAccounts {
  static final String CREDIT_CODE_KEY = "creditCode";
  private final IdentityService identityService;

  public EnterpriseAccounts(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> creditCodeOf(String userId) {
    return Optional.ofNullable(identityService.getUserInfo(userId, CREDIT_CODE_KEY));
  }

  public void bind(String userId, String creditCode) {
    if (!CreditCode.isValid(creditCode)) {
      throw new IllegalArgumentException("统一社会信用代码校验位不正确: " + creditCode);
    }
    identityService.setUserInfo(userId, CREDIT_CODE_KEY, creditCode);
  }
}
