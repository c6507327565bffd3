package cn.parkflow.onboarding;

import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link from a project-approval application to its admission case ({@code admissionNumber}, issue 11 "Links"): the
 * applying enterprise's own case, admitted (agreement signed or later). With
 * {@code parkflow.onboarding.required-for-projects=true} (a local choice; default false) every application must carry
 * one. Another enterprise's number answers as an unknown one, so a case is not confirmed to a stranger.
 */
@Component
public class AdmissionLinks {
  public static final String FIELD = "admissionNumber";
  private static final Pattern NUMBER = Pattern.compile("RY-\\d{4}-\\d{4}");

  private final AdmissionRepository admissions;
  private final boolean required;

  public AdmissionLinks(AdmissionRepository admissions,
      @Value("${parkflow.onboarding.required-for-projects:false}") boolean required) {
    this.admissions = admissions;
    this.required = required;
  }

  /**
   * Checks the application's {@code admissionNumber} against the enterprise's credit code.
   *
   * @param value the field as sent (absent, null or blank: none)
   * @param creditCode the applying enterprise's credit code, {@code null} when unknown (then no case is its own)
   * @return the admission number, or {@code null} when there is none or {@code errors} got an entry
   */
  public String check(JsonNode value, String creditCode, FieldErrors errors) {
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      if (required) {
        errors.add(FIELD, "入园编号（admissionNumber）为必填项：本园区要求投资项目先办理企业入园并签订入园协议，"
            + "请填写本企业已签约的入园编号");
      }
      return null;
    }
    String number = value.isTextual() ? value.asText().strip().toUpperCase(Locale.ROOT) : null;
    if (number == null || !NUMBER.matcher(number).matches()) {
      errors.add(FIELD, "入园编号（admissionNumber）须为字符串，格式如 RY-2026-0001");
      return null;
    }
    Admission admission = admissions.find(number).orElse(null);
    if (admission == null || creditCode == null || !creditCode.equals(admission.application().creditCode())) {
      errors.add(FIELD, "未找到本企业的入园案件 " + number + "：入园编号（admissionNumber）须为申请企业自己的入园案件");
      return null;
    }
    if (!admission.status().admitted()) {
      errors.add(FIELD, "入园编号（admissionNumber）" + number + " 的入园案件当前状态为“" + admission.status().label()
          + "”，尚未签订入园协议：只有已签约（及以后）的入园案件可以关联投资项目");
      return null;
    }
    return number;
  }
}
