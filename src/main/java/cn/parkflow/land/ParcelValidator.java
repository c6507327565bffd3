package cn.parkflow.land;

import cn.parkflow.parcel.ParcelCode;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.StartFormRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parcel's fields, checked the same way for {@code POST /api/parcels}, the Tasklist start form (as
 * {@link StartFormRules}) and {@code userTask_designateParcel}: every wrong field is named at once.
 */
@Component
public class ParcelValidator implements StartFormRules {
  public static final Set<String> FIELDS = Set.of("parcelCode", "location", "areaMu", "landGrade", "industryCode",
      "plannedUse");
  /** The largest parcel the park would sell as one (亩): beyond it the figure is a typing error. */
  static final BigDecimal MAX_AREA_MU = new BigDecimal(100_000);
  private static final Pattern DIVISION = Pattern.compile("[0-9]{2}");

  private final String regionCode;

  public ParcelValidator(@Value("${parkflow.region-code}") String regionCode) {
    this.regionCode = regionCode;
  }

  @Override
  public String processKey() {
    return LandSupplyProcess.KEY;
  }

  public String regionCode() {
    return regionCode;
  }

  @Override
  public List<FieldError> check(Map<String, Object> variables, String ownCreditCode) {
    FieldErrors errors = new FieldErrors();
    if (ownCreditCode != null) {
      errors.add("parcelCode", "只有自然资源和规划局工作人员可以登记出让宗地");
      return errors.list();
    }
    facts(variables, errors);
    return errors.list();
  }

  /** The API's body: JSON types are checked first (a number sent as text is refused), then the same rules. */
  public ParcelFacts validate(JsonNode body, FieldErrors errors) {
    if (body == null || !body.isObject()) {
      errors.add("body", "请求体须为 JSON 对象");
      return null;
    }
    JsonBody.unknownFields(body, FIELDS, errors);
    Map<String, Object> values = new HashMap<>();
    for (String f : FIELDS) {
      JsonNode v = body.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      boolean number = "areaMu".equals(f) || "landGrade".equals(f);
      if (number && !v.isNumber()) {
        errors.add(f, label(f) + "（" + f + "）须为数字");
        values.put(f, SKIP);
      } else if (!number && !v.isTextual()) {
        errors.add(f, label(f) + "（" + f + "）须为文字");
        values.put(f, SKIP);
      } else {
        values.put(f, number ? v.decimalValue() : v.asText());
      }
    }
    return facts(values, errors);
  }

  private static final Object SKIP = new Object();

  /** The facts, or null with every wrong field in {@code errors}. */
  public ParcelFacts facts(Map<String, Object> values, FieldErrors errors) {
    int before = errors.list().size();
    String code = text(values, "parcelCode", 19, 19, errors);
    if (code != null) {
      ParcelCode.problems(code, regionCode).forEach(p -> errors.add("parcelCode", "宗地代码（parcelCode）：" + p));
    } else if (values.get("parcelCode") instanceof String s && !s.isBlank() && !errors.has("parcelCode")) {
      ParcelCode.problems(s.strip(), regionCode).forEach(p -> errors.add("parcelCode", "宗地代码（parcelCode）：" + p));
    }
    String location = text(values, "location", 2, 200, errors);
    BigDecimal area = values.get("areaMu") == SKIP ? null
        : LandRules.decimal(values.get("areaMu"), "areaMu", "出让面积（亩）", errors);
    if (area != null && (area.signum() <= 0 || area.compareTo(MAX_AREA_MU) > 0 || area.scale() > 4)) {
      errors.add("areaMu", "出让面积（areaMu，亩）须大于 0、不超过 " + MAX_AREA_MU + "，最多 4 位小数");
    }
    Integer grade = null;
    BigDecimal g = values.get("landGrade") == SKIP ? null
        : LandRules.decimal(values.get("landGrade"), "landGrade", "土地等别", errors);
    if (g != null) {
      if (g.stripTrailingZeros().scale() > 0 || g.compareTo(BigDecimal.ONE) < 0
          || g.compareTo(new BigDecimal(15)) > 0) {
        errors.add("landGrade", "土地等别（landGrade）须为 1–15 的整数（全国工业用地出让最低价标准的 15 个等别）");
      } else {
        grade = g.intValueExact();
      }
    }
    String industry = text(values, "industryCode", 2, 2, errors);
    if (industry != null && !DIVISION.matcher(industry).matches()) {
      errors.add("industryCode", "行业代码（industryCode）须为 GB/T 4754-2017 的两位数字大类代码，如 39");
    }
    String use = text(values, "plannedUse", 2, 200, errors);
    if (errors.list().size() > before) {
      return null;
    }
    return new ParcelFacts(code, location, area, grade, industry, use);
  }

  private static String label(String field) {
    return switch (field) {
      case "parcelCode" -> "宗地代码";
      case "location" -> "宗地坐落";
      case "areaMu" -> "出让面积（亩）";
      case "landGrade" -> "土地等别";
      case "industryCode" -> "行业代码";
      default -> "规划用途";
    };
  }

  private static String text(Map<String, Object> values, String field, int min, int max, FieldErrors errors) {
    Object v = values.get(field);
    if (v == SKIP) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      errors.add(field, label(field) + "（" + field + "）为必填项");
      return null;
    }
    String t = s.strip();
    int length = t.codePointCount(0, t.length());
    if (length < min || length > max) {
      if (!"parcelCode".equals(field)) {
        errors.add(field, label(field) + "（" + field + "）长度须为 " + (min == max ? min + " 个字符"
            : min + "–" + max + " 个字符"));
      }
      return null;
    }
    return t;
  }
}
