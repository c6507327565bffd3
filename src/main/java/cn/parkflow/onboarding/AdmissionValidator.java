package cn.parkflow.onboarding;

import static cn.parkflow.onboarding.AdmissionApplication.Fields.*;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.StartFormRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of an admission application (issue 11), for the API and for a start through the engine alike: every
 * invalid field at once, each named by its JSON path with a Chinese message; nothing is stored when one is wrong.
 */
@Component
public class AdmissionValidator implements StartFormRules {
  /** The fields with their Chinese labels, in the order of the issue. */
  public static final Map<String, String> LABELS = labels();
  static final Set<String> POLLUTANT_KINDS = Set.of("wastewater", "waste-gas", "solid-waste", "hazardous-waste");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  private static final int MAX_SCALE = 6;
  private static final Pattern DIVISION = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-7]");

  private final ObjectMapper mapper;

  public AdmissionValidator(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  private static Map<String, String> labels() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put(ENTERPRISE_NAME, "企业名称");
    l.put(CREDIT_CODE, "统一社会信用代码");
    l.put(PROJECT_NAME, "项目名称");
    l.put(INDUSTRY_CODE, "国民经济行业分类代码");
    l.put(PRODUCT_DESCRIPTION, "产品及工艺说明");
    l.put(TOTAL_INVESTMENT, "总投资");
    l.put(FIXED_ASSET_INVESTMENT, "固定资产投资");
    l.put(LAND_AREA, "新增用地面积");
    l.put(RENTED_FLOOR_M2, "租赁标准厂房面积");
    l.put(ANNUAL_OUTPUT, "达产年产值");
    l.put(ANNUAL_TAX, "达产年税收");
    l.put(ANNUAL_ENERGY_TCE, "年综合能耗");
    l.put(ANNUAL_WATER_TONNES, "年用水量");
    l.put(POLLUTANTS, "污染物排放");
    l.put(HAZARDOUS_CHEMICALS, "是否涉及危险化学品");
    l.put(OCCUPATIONAL_HAZARDS, "是否存在职业病危害因素");
    l.put(JOBS, "新增就业人数");
    l.put(RD_INTENSITY, "研发投入强度");
    l.put(PLANNED_START, "计划开工日期");
    l.put(PLANNED_PRODUCTION, "计划投产日期");
    l.put(CONTACT_EMAIL, "联系邮箱");
    return java.util.Collections.unmodifiableMap(l);
  }

  @Override
  public String processKey() {
    return OnboardingProcess.KEY;
  }

  /** A start through the engine carries the application as process variables and is held to the same rules. */
  @Override
  public List<FieldError> check(Map<String, Object> variables, String ownCreditCode) {
    FieldErrors errors = new FieldErrors();
    validate(fromVariables(variables), ownCreditCode, errors);
    return errors.list();
  }

  /** The application fields among process variables, as the JSON tree {@link #validate} reads. */
  public ObjectNode fromVariables(Map<String, Object> variables) {
    ObjectNode node = mapper.createObjectNode();
    LABELS.keySet().stream().filter(variables::containsKey)
        .forEach(f -> node.set(f, variableTree(f, variables.get(f))));
    return node;
  }

  /** The pollutant list arrives as JSON text (an engine variable holds no list of objects); other values as they are. */
  private JsonNode variableTree(String field, Object value) {
    if (POLLUTANTS.equals(field) && value instanceof String text) {
      try {
        return mapper.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return mapper.valueToTree(text);
      }
    }
    return mapper.valueToTree(value);
  }

  /**
   * @param ownCreditCode the caller's enterprise code when the caller is an enterprise account, {@code null} for staff
   * @return the application, or {@code null} when {@code errors} got entries
   */
  public AdmissionApplication validate(JsonNode body, String ownCreditCode, FieldErrors errors) {
    int before = errors.list().size();
    JsonBody.unknownFields(body, LABELS.keySet(), errors);
    if (!body.isObject()) {
      return null;
    }
    Check c = new Check(body, errors);
    ObjectNode out = mapper.createObjectNode();
    out.put(ENTERPRISE_NAME, JsonBody.text(body, ENTERPRISE_NAME, 2, 100, LABELS.get(ENTERPRISE_NAME), errors));
    out.put(CREDIT_CODE, c.creditCode(ownCreditCode));
    out.put(PROJECT_NAME, JsonBody.text(body, PROJECT_NAME, 2, 100, LABELS.get(PROJECT_NAME), errors));
    out.put(INDUSTRY_CODE, c.division());
    out.put(PRODUCT_DESCRIPTION,
        JsonBody.text(body, PRODUCT_DESCRIPTION, 2, 1000, LABELS.get(PRODUCT_DESCRIPTION), errors));
    BigDecimal total = c.amount(TOTAL_INVESTMENT, true, "万元");
    BigDecimal fixed = c.amount(FIXED_ASSET_INVESTMENT, true, "万元");
    out.put(TOTAL_INVESTMENT, total);
    out.put(FIXED_ASSET_INVESTMENT, fixed);
    if (total != null && fixed != null && fixed.compareTo(total) > 0) {
      errors.add(FIXED_ASSET_INVESTMENT, c.label(FIXED_ASSET_INVESTMENT) + "不得超过总投资（" + total.toPlainString()
          + " 万元）");
    }
    c.site(out);
    out.put(ANNUAL_OUTPUT, c.amount(ANNUAL_OUTPUT, true, "万元"));
    out.put(ANNUAL_TAX, c.amount(ANNUAL_TAX, false, "万元"));
    out.put(ANNUAL_ENERGY_TCE, c.amount(ANNUAL_ENERGY_TCE, false, "吨标准煤/年"));
    out.put(ANNUAL_WATER_TONNES, c.amount(ANNUAL_WATER_TONNES, false, "吨/年"));
    out.set(POLLUTANTS, c.pollutants());
    out.put(HAZARDOUS_CHEMICALS, c.bool(HAZARDOUS_CHEMICALS));
    out.put(OCCUPATIONAL_HAZARDS, c.bool(OCCUPATIONAL_HAZARDS));
    out.put(JOBS, c.jobs());
    BigDecimal rd = c.amount(RD_INTENSITY, false, "%");
    if (rd != null && rd.compareTo(new BigDecimal("100")) > 0) {
      errors.add(RD_INTENSITY, c.label(RD_INTENSITY) + "是研发投入占销售收入的百分比，须在 0–100 之间");
    }
    out.put(RD_INTENSITY, rd);
    LocalDate start = c.date(PLANNED_START);
    LocalDate production = c.date(PLANNED_PRODUCTION);
    if (start != null && production != null && production.isBefore(start)) {
      errors.add(PLANNED_PRODUCTION, c.label(PLANNED_PRODUCTION) + "不得早于计划开工日期 " + start);
    }
    out.put(PLANNED_START, start == null ? null : start.toString());
    out.put(PLANNED_PRODUCTION, production == null ? null : production.toString());
    out.put(CONTACT_EMAIL, c.email());
    return errors.list().size() > before ? null : new AdmissionApplication(out);
  }

  /** Reads and checks one field after another into {@code errors}. */
  private static final class Check {
    private final JsonNode body;
    private final FieldErrors errors;

    Check(JsonNode body, FieldErrors errors) {
      this.body = body;
      this.errors = errors;
    }

    String label(String field) {
      return LABELS.get(field) + "（" + field + "）";
    }

    /** The field's value, or {@code null} with a "required" error when it is absent or null. */
    private JsonNode required(String field) {
      JsonNode n = body.get(field);
      if (n == null || n.isNull()) {
        errors.add(field, label(field) + "为必填项");
        return null;
      }
      return n;
    }

    String creditCode(String own) {
      String code = JsonBody.text(body, CREDIT_CODE, 18, 18, LABELS.get(CREDIT_CODE), errors);
      if (code == null) {
        return null;
      }
      code = code.toUpperCase(Locale.ROOT);
      if (!CreditCode.isValid(code)) {
        errors.add(CREDIT_CODE, label(CREDIT_CODE) + "校验位不正确（GB 32100-2015）");
        return null;
      }
      if (own != null && !own.equals(code)) {
        errors.add(CREDIT_CODE, label(CREDIT_CODE) + "须为本账号所属企业的代码 " + own + "：企业只能为本企业申请入园");
        return null;
      }
      return code;
    }

    String division() {
      String code = JsonBody.text(body, INDUSTRY_CODE, 2, 2, LABELS.get(INDUSTRY_CODE), errors);
      if (code != null && !DIVISION.matcher(code).matches()) {
        errors.add(INDUSTRY_CODE, label(INDUSTRY_CODE) + "须为 GB/T 4754-2017 的两位行业大类代码 01–97");
        return null;
      }
      return code;
    }

    BigDecimal amount(String field, boolean positive, String unit) {
      return amountAt(field, body.get(field), field, positive, unit, true);
    }

    private BigDecimal amountAt(String path, JsonNode n, String field, boolean positive, String unit,
        boolean mandatory) {
      if (n == null || n.isNull()) {
        if (mandatory) {
          errors.add(path, label(field) + "为必填项");
        }
        return null;
      }
      String problem = !n.isNumber() ? "必须是数字（单位：" + unit + "）"
          : positive && n.decimalValue().signum() <= 0 ? "须大于 0（单位：" + unit + "）"
          : n.decimalValue().signum() < 0 ? "不得为负数"
          : n.decimalValue().compareTo(MAX_AMOUNT) > 0 ? "不得超过 " + MAX_AMOUNT.toPlainString() + " " + unit
          : n.decimalValue().stripTrailingZeros().scale() > MAX_SCALE ? "最多保留 " + MAX_SCALE + " 位小数"
          : null;
      if (problem != null) {
        errors.add(path, label(field) + problem);
        return null;
      }
      return n.decimalValue();
    }

    /** Either new land ({@code landArea}, 亩) or a rented standard factory ({@code rentedFloorM2}), not both. */
    void site(ObjectNode out) {
      boolean land = body.hasNonNull(LAND_AREA);
      boolean rented = body.hasNonNull(RENTED_FLOOR_M2);
      if (land == rented) {
        errors.add(LAND_AREA, "须填写且只填写一项：新增用地面积（landArea，亩）或租赁标准厂房面积（rentedFloorM2，平方米）");
        return;
      }
      if (land) {
        out.put(LAND_AREA, amountAt(LAND_AREA, body.get(LAND_AREA), LAND_AREA, true, "亩", true));
      } else {
        out.put(RENTED_FLOOR_M2,
            amountAt(RENTED_FLOOR_M2, body.get(RENTED_FLOOR_M2), RENTED_FLOOR_M2, true, "平方米", true));
      }
    }

    ArrayNode pollutants() {
      JsonNode n = required(POLLUTANTS);
      ArrayNode out = JsonNodeFactoryHolder.array();
      if (n == null) {
        return out;
      }
      if (!n.isArray()) {
        errors.add(POLLUTANTS, label(POLLUTANTS) + "必须是数组（无排放时为 []），每项 {kind, amount, unit}");
        return out;
      }
      for (int i = 0; i < n.size(); i++) {
        String path = POLLUTANTS + "[" + i + "]";
        JsonNode p = n.get(i);
        if (!p.isObject()) {
          errors.add(path, "每项须为 {kind, amount, unit}");
          continue;
        }
        p.fieldNames().forEachRemaining(name -> {
          if (!Set.of("kind", "amount", "unit").contains(name)) {
            errors.add(path + "." + name, "未知字段 " + name + "，每项只包含 kind、amount、unit");
          }
        });
        String kind = p.path("kind").asText("");
        if (!p.path("kind").isTextual() || !POLLUTANT_KINDS.contains(kind)) {
          errors.add(path + ".kind", "污染物类别（kind）须为 wastewater（废水）、waste-gas（废气）、solid-waste（一般固废）或"
              + " hazardous-waste（危险废物）");
        }
        BigDecimal amount = amountAt(path + ".amount", p.get("amount"), POLLUTANTS, false, "见 unit", true);
        JsonNode unit = p.get("unit");
        if (unit == null || !unit.isTextual() || unit.asText().isBlank() || unit.asText().length() > 20) {
          errors.add(path + ".unit", "计量单位（unit）为必填文字，不超过 20 个字符，例如 吨/年");
        }
        ObjectNode item = out.addObject();
        item.put("kind", kind);
        item.put("amount", amount);
        item.put("unit", unit == null ? null : unit.asText().strip());
      }
      return out;
    }

    Boolean bool(String field) {
      JsonNode n = required(field);
      if (n != null && !n.isBoolean()) {
        errors.add(field, label(field) + "必须是 true 或 false");
        return null;
      }
      return n == null ? null : n.booleanValue();
    }

    Integer jobs() {
      JsonNode n = required(JOBS);
      if (n != null && (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 0)) {
        errors.add(JOBS, label(JOBS) + "须为非负整数");
        return null;
      }
      return n == null ? null : n.intValue();
    }

    LocalDate date(String field) {
      JsonNode n = required(field);
      if (n == null) {
        return null;
      }
      try {
        if (n.isTextual()) {
          return LocalDate.parse(n.asText());
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      errors.add(field, label(field) + "须为日期，格式 YYYY-MM-DD，例如 2027-03-01");
      return null;
    }

    String email() {
      String value = JsonBody.text(body, CONTACT_EMAIL, 3, 254, LABELS.get(CONTACT_EMAIL), errors);
      if (value == null) {
        return null;
      }
      try {
        new InternetAddress(value, true).validate();
        if (value.indexOf('@') < 1 || value.substring(value.indexOf('@')).indexOf('.') < 0) {
          throw new AddressException(value);
        }
        return value;
      } catch (AddressException e) {
        errors.add(CONTACT_EMAIL, label(CONTACT_EMAIL) + "不是有效的电子邮箱地址，例如 zhangsan@example.com");
        return null;
      }
    }
  }

  private static final class JsonNodeFactoryHolder {
    static ArrayNode array() {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
  }
}
