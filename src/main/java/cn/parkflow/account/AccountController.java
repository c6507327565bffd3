package cn.parkflow.account;

import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.InvalidInputException;
import cn.parkflow.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account: {@code POST /api/account/password} sets a new password (the HTTP Basic login proves the
 * current one). An account opened with an initial password can call nothing else until it has (ADR 0013).
 */
@RestController
@RequestMapping("/api/account")
public class AccountController {
  private static final Set<String> FIELDS = Set.of("newPassword");
  private final EnterpriseAccountService accounts;

  public AccountController(EnterpriseAccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/password")
  public Map<String, String> changePassword(@RequestBody JsonNode body, Authentication auth) {
    FieldErrors errors = new FieldErrors();
    JsonBody.unknownFields(body, FIELDS, errors);
    JsonNode value = body.isObject() ? body.get("newPassword") : null;
    if (value == null || !value.isTextual()) {
      errors.add("newPassword", "新密码（newPassword）为必填的字符串");
    }
    errors.throwIfAny();
    List<FieldError> problems = accounts.changePassword(auth.getName(), value.asText());
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return Map.of("userId", auth.getName(), "message", "密码已修改，请以后使用新密码登录");
  }
}
