package cn.parkflow.web;

import java.util.List;
import java.util.Map;

/**
 * The rules of one process's start form, as a bean: {@link StartRequestCheck} finds them by process key, so a new
 * process with a Tasklist start form only provides its own.
 */
public interface StartFormRules {
  String processKey();

  /**
   * The invalid fields of a start form's variables (as the engine REST API would read them), empty when it may start.
   *
   * @param ownCreditCode the caller's enterprise code for an enterprise account, {@code null} for staff
   */
  List<FieldError> check(Map<String, Object> variables, String ownCreditCode);
}
