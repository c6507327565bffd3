package cn.parkflow.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What {@code userTask_signAgreement} must record (issue 11, domain.md §3.1 step 6 and §3.1a): the agreement's number,
 * the committed fixed investment, intensity and tax per 亩, the four dates in order, the 安全生产责任书 with its
 * contents (standardization level 三级 or better, yearly drills — half-yearly for a firm with hazardous chemicals —,
 * certified operators, a yearly review against the letter) and the notice-and-commitment letter. Every missing or
 * wrong field is named at once.
 */
@Component
public class AgreementRules {
  static final List<String> LEVELS = List.of("一级", "二级", "三级");
  static final String YEARLY = "yearly";
  static final String HALF_YEARLY = "half-yearly";
  private static final List<String> DATES = List.of("startDate", "completionDate", "productionDate", "fullOutputDate");
  private static final Map<String, String> DATE_LABELS = Map.of("startDate", "开工日期", "completionDate", "竣工日期",
      "productionDate", "投产日期", "fullOutputDate", "达产日期");

  private final ObjectMapper mapper;

  public AgreementRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @param values the form's values by field name
   * @param newLand whether the project takes new land (then intensity and tax per 亩 are committed)
   * @param highRisk a firm with hazardous chemicals drills half-yearly
   * @return the agreement as stored, and every broken rule in Chinese (empty when it may be signed)
   */
  public Checked check(Map<String, Object> values, boolean newLand, boolean highRisk) {
    List<String> problems = new ArrayList<>();
    ObjectNode out = mapper.createObjectNode();
    Object number = values.get("agreementNumber");
    if (!(number instanceof String s) || s.isBlank() || s.length() > 50) {
      problems.add("协议编号（agreementNumber）为必填项，不超过 50 个字符");
    } else {
      out.put("agreementNumber", s.strip());
    }
    out.put("committedInvestment", amount(values, "committedInvestment", "承诺固定资产投资（万元）", true, problems));
    out.put("committedIntensity", amount(values, "committedIntensity", "承诺投资强度（万元/亩）", newLand, problems));
    out.put("committedTaxPerMu", amount(values, "committedTaxPerMu", "承诺达产亩均税收（万元/亩/年）", newLand, problems));
    LocalDate previous = null;
    for (String field : DATES) {
      LocalDate date = date(values.get(field));
      if (date == null) {
        problems.add(DATE_LABELS.get(field) + "（" + field + "）为必填日期，格式 YYYY-MM-DD");
      } else if (previous != null && date.isBefore(previous)) {
        problems.add(DATE_LABELS.get(field) + "（" + field + "）不得早于上一节点日期 " + previous);
      } else {
        out.put(field, date.toString());
        previous = date;
      }
    }
    requireTrue(values, "safetyLetterSigned", "须签订安全生产责任书（safetyLetterSigned）", problems, out);
    Object level = values.get("safetyStandardLevel");
    if (!LEVELS.contains(level)) {
      problems.add("安全生产标准化等级（safetyStandardLevel）须为三级或以上：一级、二级或三级");
    } else {
      out.put("safetyStandardLevel", (String) level);
    }
    Object drills = values.get("drillFrequency");
    if (!YEARLY.equals(drills) && !HALF_YEARLY.equals(drills)) {
      problems.add("应急演练频次（drillFrequency）须为 yearly（每年）或 half-yearly（每半年）");
    } else if (highRisk && !HALF_YEARLY.equals(drills)) {
      problems.add("涉及危险化学品的高风险企业应急演练频次（drillFrequency）须为每半年一次（half-yearly）");
    } else {
      out.put("drillFrequency", (String) drills);
    }
    requireTrue(values, "certifiedOperators", "责任书须约定特种作业人员持证上岗（certifiedOperators）", problems, out);
    requireTrue(values, "yearlyReview", "责任书须约定每年对照责任书考核（yearlyReview）", problems, out);
    requireTrue(values, "commitmentLetterSigned", "须签署综合告知承诺书（commitmentLetterSigned）", problems, out);
    return new Checked(out, problems);
  }

  public record Checked(ObjectNode agreement, List<String> problems) {}

  private static void requireTrue(Map<String, Object> values, String field, String message, List<String> problems,
      ObjectNode out) {
    if (Boolean.TRUE.equals(values.get(field))) {
      out.put(field, true);
    } else {
      problems.add(message);
    }
  }

  private static BigDecimal amount(Map<String, Object> values, String field, String label, boolean required,
      List<String> problems) {
    Object v = values.get(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        problems.add(label + "（" + field + "）为必填项");
      }
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v.toString().strip());
      if (d.signum() <= 0) {
        problems.add(label + "（" + field + "）须大于 0");
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(label + "（" + field + "）必须是数字");
      return null;
    }
  }

  private static LocalDate date(Object value) {
    if (!(value instanceof String s) || s.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(s.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
