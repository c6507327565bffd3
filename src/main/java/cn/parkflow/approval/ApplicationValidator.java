package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApplication.Fields.*;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.onboarding.AdmissionLinks;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.StartFormRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of the application (issue 4), for the API and for the Tasklist start form alike. The input is a JSON tree,
 * so a wrong type or an unknown field is reported together with every other invalid field; each error names its JSON
 * path ({@code totalInvestment}, or {@code changes.totalInvestment} inside a supplement) and says in Chinese what is
 * expected.
 */
@Component
public class ApplicationValidator implements StartFormRules {
  /** The application's fields, in the order of the issue, with their Chinese labels. */
  public static final Map<String, String> FIELDS = fields();

  static final BigDecimal MAX_TOTAL_INVESTMENT = new BigDecimal("10000000");
  /** Storage bound of every other amount: beyond it a value is a typing error. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  static final int MAX_DECIMALS = 6;
  private static final Set<String> NUMBER_FIELDS =
      Set.of(TOTAL_INVESTMENT, FIXED_ASSET_INVESTMENT, LAND_AREA, ANNUAL_ENERGY_TCE, ANNUAL_ELECTRICITY_KWH,
          EXPECTED_ANNUAL_TAX);
  /** The longest 建设规模和内容 accepted. */
  static final int MAX_SCALE_AND_CONTENT = 2000;
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");
  private static final Pattern INDUSTRY_DIVISION = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-7]");
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  /** The national platform's project code, a field of the application only with {@code source=national}. */
  public static final String PROJECT_CODE = "projectCode";

  private final ObjectMapper objectMapper;
  private final ProjectCodes codes;
  private final AdmissionLinks admissionLinks;

  public ApplicationValidator(ObjectMapper objectMapper, ProjectCodes codes, AdmissionLinks admissionLinks) {
    this.objectMapper = objectMapper;
    this.codes = codes;
    this.admissionLinks = admissionLinks;
  }

  /**
   * The admission case the application names ({@code admissionNumber}, issue 11): the enterprise's own, admitted;
   * required with {@code parkflow.onboarding.required-for-projects=true}. The enterprise is the caller's when it is an
   * enterprise account, otherwise the one the application names.
   *
   * @return the admission number, or {@code null} (none, or {@code errors} got an entry)
   */
  public String admissionNumber(JsonNode body, String ownCreditCode, FieldErrors errors) {
    if (body == null || !body.isObject()) {
      return null;
    }
    String creditCode = ownCreditCode != null ? ownCreditCode
        : body.path(CREDIT_CODE).isTextual() ? body.path(CREDIT_CODE).asText().strip() : null;
    return admissionLinks.check(body.get(AdmissionLinks.FIELD), creditCode, errors);
  }

  /**
   * The project code the application carries from the national online platform (Order 673 Art. 4) when
   * {@code parkflow.project-code.source=national}: required, in the shape {@code YYYY-RRRRRR-DD-TT-NNNNNC}. With
   * {@code local} ParkFlow assigns the code, and {@code null} is returned ({@link #validate} refuses the field).
   */
  public String nationalProjectCode(JsonNode body, FieldErrors errors) {
    if (!codes.national() || body == null || !body.isObject()) {
      return null;
    }
    JsonNode n = body.get(PROJECT_CODE);
    String label = "项目代码（projectCode，全国投资项目在线审批监管平台赋予的代码）";
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      errors.add(PROJECT_CODE, label + "为必填项：请先在全国投资项目在线审批监管平台申请项目代码");
      return null;
    }
    if (!n.isTextual()) {
      errors.add(PROJECT_CODE, label + "必须是字符串");
      return null;
    }
    String code = n.asText().strip().toUpperCase(java.util.Locale.ROOT);
    if (!ProjectCodes.hasShape(code)) {
      errors.add(PROJECT_CODE, label + "须为 24 位、格式如 2026-360124-00-03-012345 的项目代码");
      return null;
    }
    return code;
  }

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(ENTERPRISE_NAME, "企业名称");
    f.put(CREDIT_CODE, "统一社会信用代码");
    f.put(PROJECT_NAME, "项目名称");
    f.put(INDUSTRY_CODE, "国民经济行业分类代码");
    f.put(LOCATION, "建设地点");
    f.put(CONSTRUCTION_SCALE_AND_CONTENT, "建设规模和内容");
    f.put(TOTAL_INVESTMENT, "总投资");
    f.put(FIXED_ASSET_INVESTMENT, "固定资产投资");
    f.put(LAND_AREA, "新增用地面积");
    f.put(ANNUAL_ENERGY_TCE, "年综合能耗");
    f.put(ANNUAL_ELECTRICITY_KWH, "年电力消费量");
    f.put(HAZARDOUS_CHEMICALS, "是否涉及危险化学品");
    f.put(EXPECTED_ANNUAL_TAX, "预计年税收");
    f.put(INDUSTRIAL_POLICY_DECLARATION, "符合产业政策声明");
    f.put(CONTACT_EMAIL, "联系邮箱");
    return java.util.Collections.unmodifiableMap(f);
  }

  /**
   * A complete application.
   *
   * @param ownCreditCode the caller's enterprise code when the caller is an enterprise account (the application
   *     must be its own), {@code null} for staff applying on an enterprise's behalf
   * @return the application, or {@code null} when {@code errors} got entries
   */
  public ProjectApplication validate(JsonNode body, String ownCreditCode, FieldErrors errors) {
    return check(body, "", null, ownCreditCode, errors);
  }

  @Override
  public String processKey() {
    return ProjectApprovalProcess.KEY;
  }

  /** The start form's fields checked by the same rules as the API's application. */
  @Override
  public List<FieldError> check(Map<String, Object> variables, String ownCreditCode) {
    FieldErrors errors = new FieldErrors();
    ObjectNode node = fromVariables(variables);
    nationalProjectCode(node, errors);
    admissionNumber(node, ownCreditCode, errors);
    validate(node, ownCreditCode, errors);
    return errors.list();
  }

  /**
   * Changes to an application (a supplement): only the fields present are checked and replace those of
   * {@code base}; the rules across fields are checked on the result.
   */
  public ProjectApplication validateChanges(JsonNode changes, String path, ProjectApplication base,
      String ownCreditCode, FieldErrors errors) {
    return check(changes, path + ".", base, ownCreditCode, errors);
  }

  /**
   * The application fields among process variables (the Tasklist start form), as a JSON tree for {@link #validate}.
   * The form sends its numbers as text ({@code serializeToString}), so they are read here as exact decimals; text that
   * is no number stays text and is refused as such.
   */
  public ObjectNode fromVariables(Map<String, Object> variables) {
    ObjectNode node = objectMapper.createObjectNode();
    FIELDS.keySet().forEach(f -> {
      if (variables.containsKey(f)) {
        Object value = variables.get(f);
        node.set(f, NUMBER_FIELDS.contains(f) && value instanceof String text && DECIMAL.matcher(text.strip()).matches()
            ? node.numberNode(new BigDecimal(text.strip()))
            : objectMapper.valueToTree(value));
      }
    });
    if (codes.national() && variables.containsKey(PROJECT_CODE)) {
      node.set(PROJECT_CODE, objectMapper.valueToTree(variables.get(PROJECT_CODE)));
    }
    if (variables.containsKey(AdmissionLinks.FIELD)) {
      node.set(AdmissionLinks.FIELD, objectMapper.valueToTree(variables.get(AdmissionLinks.FIELD)));
    }
    return node;
  }

  private ProjectApplication check(JsonNode body, String prefix, ProjectApplication base, String ownCreditCode,
      FieldErrors errors) {
    int before = errors.list().size();
    if (body == null || !body.isObject()) {
      errors.add(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1),
          "必须是 JSON 对象，包含申请字段：" + String.join("、", FIELDS.keySet()));
      return null;
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.containsKey(name) && !(prefix.isEmpty() && PROJECT_CODE.equals(name) && codes.national())
          && !(prefix.isEmpty() && AdmissionLinks.FIELD.equals(name))) {
        errors.add(prefix + name, "未知字段 " + name + "，申请只包含：" + String.join("、", FIELDS.keySet()));
      }
    }
    Reader r = new Reader(body, prefix, base == null ? null : asMap(base), errors);
    String enterpriseName = r.text(ENTERPRISE_NAME, 2, 100);
    String creditCode = r.creditCode(ownCreditCode);
    String projectName = r.text(PROJECT_NAME, 2, 100);
    String industryCode = r.industryCode();
    String location = r.text(LOCATION, 2, 200);
    String scale = r.text(CONSTRUCTION_SCALE_AND_CONTENT, 2, MAX_SCALE_AND_CONTENT);
    BigDecimal total = r.number(TOTAL_INVESTMENT, true, MAX_TOTAL_INVESTMENT, "万元", "，且不超过 10,000,000 万元");
    BigDecimal fixed = r.number(FIXED_ASSET_INVESTMENT, true, MAX_AMOUNT, "万元", "，且不超过总投资");
    BigDecimal land = r.number(LAND_AREA, false, MAX_AMOUNT, "亩", "（0 表示不需要新增用地）");
    BigDecimal energy = r.number(ANNUAL_ENERGY_TCE, false, MAX_AMOUNT, "吨标准煤/年", "");
    BigDecimal electricity = r.number(ANNUAL_ELECTRICITY_KWH, false, MAX_AMOUNT, "万千瓦时/年", "");
    Boolean hazardous = r.bool(HAZARDOUS_CHEMICALS);
    BigDecimal tax = r.number(EXPECTED_ANNUAL_TAX, false, MAX_AMOUNT, "万元/年", "");
    String email = r.email();
    Boolean declaration = r.bool(INDUSTRIAL_POLICY_DECLARATION);
    if (Boolean.FALSE.equals(declaration)) {
      errors.add(prefix + INDUSTRIAL_POLICY_DECLARATION, "须声明项目符合国家产业政策（industrialPolicyDeclaration 必须为"
          + " true，《企业投资项目核准和备案管理条例》第十三条）");
    }
    if (total != null && fixed != null && fixed.compareTo(total) > 0 && !errors.has(prefix + FIXED_ASSET_INVESTMENT)) {
      errors.add(prefix + FIXED_ASSET_INVESTMENT, "固定资产投资（fixedAssetInvestment）不得超过总投资（totalInvestment "
          + total.stripTrailingZeros().toPlainString() + " 万元）");
    }
    if (errors.list().size() > before) {
      return null;
    }
    return new ProjectApplication(enterpriseName, creditCode, projectName, industryCode, location, total, fixed, land,
        energy, hazardous, tax, email, scale, declaration, electricity);
  }

  private static Map<String, Object> asMap(ProjectApplication a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(ENTERPRISE_NAME, a.enterpriseName());
    m.put(CREDIT_CODE, a.creditCode());
    m.put(PROJECT_NAME, a.projectName());
    m.put(INDUSTRY_CODE, a.industryCode());
    m.put(LOCATION, a.location());
    m.put(TOTAL_INVESTMENT, a.totalInvestment());
    m.put(FIXED_ASSET_INVESTMENT, a.fixedAssetInvestment());
    m.put(LAND_AREA, a.landArea());
    m.put(ANNUAL_ENERGY_TCE, a.annualEnergyTce());
    m.put(HAZARDOUS_CHEMICALS, a.hazardousChemicals());
    m.put(EXPECTED_ANNUAL_TAX, a.expectedAnnualTax());
    m.put(CONTACT_EMAIL, a.contactEmail());
    m.put(CONSTRUCTION_SCALE_AND_CONTENT, a.constructionScaleAndContent());
    m.put(INDUSTRIAL_POLICY_DECLARATION, a.industrialPolicyDeclaration());
    m.put(ANNUAL_ELECTRICITY_KWH, a.annualElectricityKwh());
    return m;
  }

  /** Reads one field after another, falling back to the base application for fields that are absent. */
  private static final class Reader {
    private final JsonNode body;
    private final String prefix;
    private final Map<String, Object> base;
    private final FieldErrors errors;

    Reader(JsonNode body, String prefix, Map<String, Object> base, FieldErrors errors) {
      this.body = body;
      this.prefix = prefix;
      this.base = base;
      this.errors = errors;
    }

    private String label(String field) {
      return FIELDS.get(field) + "（" + field + "）";
    }

    /**
     * The node of a field, or null when it is absent (then the base value counts, or it is missing). An empty value
     * ({@code null} or blank text, as a form sends for a field left empty) is missing too, and always an error.
     */
    private JsonNode node(String field) {
      JsonNode n = body.get(field);
      boolean empty = n != null && (n.isNull() || (n.isTextual() && n.asText().isBlank()));
      if ((n == null && base == null) || empty) {
        errors.add(prefix + field, label(field) + "为必填项");
        return null;
      }
      return n;
    }

    String text(String field, int min, int max) {
      JsonNode n = node(field);
      if (n == null) {
        return base == null ? null : (String) base.get(field);
      }
      if (!n.isTextual()) {
        errors.add(prefix + field, label(field) + "必须是字符串");
        return null;
      }
      String value = n.asText().strip();
      int length = value.codePointCount(0, value.length());
      if (length < min || length > max) {
        errors.add(prefix + field, label(field) + "须为 " + min + "–" + max + " 个字符（当前 " + length + " 个）");
        return null;
      }
      return value;
    }

    String creditCode(String ownCreditCode) {
      String code = text(CREDIT_CODE, 1, 100);
      if (code == null) {
        return null;
      }
      code = code.toUpperCase(java.util.Locale.ROOT);
      if (!CreditCode.isValid(code)) {
        errors.add(prefix + CREDIT_CODE, label(CREDIT_CODE) + "须为 18 位统一社会信用代码且校验位正确（GB 32100-2015）");
        return null;
      }
      if (ownCreditCode != null && !ownCreditCode.equals(code)) {
        errors.add(prefix + CREDIT_CODE, label(CREDIT_CODE) + "须为本账号所属企业的代码 " + ownCreditCode
            + "：企业只能为本企业申报");
        return null;
      }
      return code;
    }

    String industryCode() {
      String code = text(INDUSTRY_CODE, 1, 10);
      if (code != null && !INDUSTRY_DIVISION.matcher(code).matches()) {
        errors.add(prefix + INDUSTRY_CODE, label(INDUSTRY_CODE) + "须为 GB/T 4754-2017 的两位行业大类代码 01–97，"
            + "例如 26（化学原料和化学制品制造业）、39（计算机、通信和其他电子设备制造业）");
        return null;
      }
      return code;
    }

    BigDecimal number(String field, boolean positive, BigDecimal max, String unit, String hint) {
      JsonNode n = node(field);
      if (n == null) {
        return base == null ? null : (BigDecimal) base.get(field);
      }
      if (!n.isNumber()) {
        errors.add(prefix + field, label(field) + "必须是数字（单位：" + unit + "）");
        return null;
      }
      BigDecimal value = n.decimalValue();
      if (positive ? value.signum() <= 0 : value.signum() < 0) {
        errors.add(prefix + field, label(field) + (positive ? "须大于 0" : "须大于或等于 0") + hint);
        return null;
      }
      if (value.compareTo(max) > 0) {
        errors.add(prefix + field, label(field) + "不得超过 " + max.toPlainString() + " " + unit);
        return null;
      }
      if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
        errors.add(prefix + field, label(field) + "最多保留 " + MAX_DECIMALS + " 位小数");
        return null;
      }
      return value;
    }

    Boolean bool(String field) {
      JsonNode n = node(field);
      if (n == null) {
        return base == null ? null : (Boolean) base.get(field);
      }
      if (!n.isBoolean()) {
        errors.add(prefix + field, label(field) + "必须是 true 或 false");
        return null;
      }
      return n.booleanValue();
    }

    String email() {
      String value = text(CONTACT_EMAIL, 3, 254);
      if (value != null && !EMAIL.matcher(value).matches()) {
        errors.add(prefix + CONTACT_EMAIL, label(CONTACT_EMAIL) + "不是有效的电子邮箱地址，例如 zhangsan@example.com");
        return null;
      }
      return value;
    }
  }
}
