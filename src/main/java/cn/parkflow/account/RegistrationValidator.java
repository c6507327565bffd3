package cn.parkflow.account;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.StartFormRules;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of an enterprise registration (and of an account an administrator creates): every invalid field at once,
 * each named by its JSON path, in Chinese. As {@link StartFormRules} it refuses every start of
 * {@code enterprise-registration} through the engine: a registration comes in through the API only.
 */
@Component
public class RegistrationValidator implements StartFormRules {
  public static final Set<String> FIELDS = Set.of("enterpriseName", "creditCode", "contactPerson", "email", "phone",
      "login");
  /** Letters, digits and '-', not at either end; Camunda's user-id whitelist allows exactly these characters. */
  static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  static final int LOGIN_MIN = 3;
  static final int LOGIN_MAX = 50;
  /** Mainland mobile (11 digits from 13–19) or a landline with its area code (010-12345678, 0791-8888888). */
  static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  @Override
  public String processKey() {
    return RegistrationProcess.KEY;
  }

  @Override
  public List<FieldError> check(Map<String, Object> variables, String ownCreditCode) {
    return List.of(new FieldError("$", "企业账户注册须通过 POST /api/enterprise-registrations 提交，不能在此启动"));
  }

  /** The application, or {@code null} when any field is invalid (each one is in {@code errors}). */
  public Registration.Application validate(JsonNode body, FieldErrors errors) {
    JsonBody.unknownFields(body, FIELDS, errors);
    String name = JsonBody.text(body, "enterpriseName", 2, 100, "企业名称", errors);
    String code = creditCode(body, errors);
    String person = JsonBody.text(body, "contactPerson", 2, 50, "联系人", errors);
    String email = email(body, errors);
    String phone = JsonBody.text(body, "phone", 7, 20, "联系电话", errors);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.add("phone", "联系电话（phone）须为 11 位手机号（如 13907910000）或带区号的固定电话（如 0791-88888888）");
      phone = null;
    }
    String login = login(body, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    return new Registration.Application(name, code, person, email, phone, login);
  }

  static String creditCode(JsonNode body, FieldErrors errors) {
    String code = JsonBody.text(body, "creditCode", 18, 18, "统一社会信用代码", errors);
    if (code == null) {
      return null;
    }
    code = code.toUpperCase(Locale.ROOT);
    if (!CreditCode.isValid(code)) {
      errors.add("creditCode", "统一社会信用代码（creditCode）校验位不正确或含无效字符（GB 32100-2015），请对照营业执照");
      return null;
    }
    return code;
  }

  static String login(JsonNode body, FieldErrors errors) {
    String login = JsonBody.text(body, "login", LOGIN_MIN, LOGIN_MAX, "登录名", errors);
    if (login != null && !LOGIN.matcher(login).matches()) {
      errors.add("login", "登录名（login）只能由字母、数字和连字符“-”组成，且不能以“-”开头或结尾");
      return null;
    }
    return login;
  }

  private static String email(JsonNode body, FieldErrors errors) {
    String value = JsonBody.text(body, "email", 3, 254, "电子邮箱", errors);
    if (value == null) {
      return null;
    }
    int at = value.indexOf('@');
    boolean valid = at > 0 && value.indexOf('.', at) > at + 1;
    if (valid) {
      try {
        new InternetAddress(value, true).validate();
      } catch (AddressException e) {
        valid = false;
      }
    }
    if (!valid) {
      errors.add("email", "电子邮箱（email）不是有效的地址，例如 zhangsan@example.com；账户开通通知将发往此邮箱");
      return null;
    }
    return value;
  }
}
