package cn.parkflow.idleland;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.parcel.ConstructionState;
import cn.parkflow.parcel.ParcelCode;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.StartFormRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules of a case started by a clerk (the API's {@code POST /api/idle-land-cases} and Tasklist's start form
 * alike) and of each parcel of a survey: the parcel code (GB/T 37346-2019, this county), the branch, the holder's
 * credit code (GB 32100-2015) and the facts, each invalid field named.
 */
@Component
public class IdleLandValidator implements StartFormRules {
  /** Money in 万元, areas in 亩 (or m² where the name says so). */
  static final Set<String> DECIMALS = Set.of("price", "areaMu", "committedInvestment", "investedAmount",
      "builtAreaM2");
  static final Set<String> DATES = Set.of("agreedHandOver", "actualHandOver", "agreedStart", "startedOn",
      "stoppedOn", "completedOn", "productionStoppedOn", "discoveredOn");
  static final Set<String> TEXTS = Set.of("contractNumber", "location", "mortgagee", "mortgageeEmail", "titleNumber",
      "admissionNumber", "projectCode", "contactEmail", "industryCode", "reason");
  static final Set<String> START_FIELDS = Set.of("parcelCode", "kind", "holderCreditCode", "holderName", "facts");
  /** The start form's fields that are facts or the holder: stored with the case, not kept as process variables. */
  public static final Set<String> FORM_FIELDS;

  static {
    Set<String> fields = new LinkedHashSet<>();
    fields.addAll(DECIMALS);
    fields.addAll(DATES);
    fields.addAll(TEXTS);
    fields.addAll(Set.of("kind", "holderCreditCode", "holderName"));
    FORM_FIELDS = Set.copyOf(fields);
  }

  static final Set<String> SURVEY_PARCEL_FIELDS = Set.of("parcelCode", "holderCreditCode", "holderName", "facts");

  private final ObjectMapper mapper;
  private final String regionCode;

  public IdleLandValidator(ObjectMapper mapper, @Value("${parkflow.region-code}") String regionCode) {
    this.mapper = mapper;
    this.regionCode = regionCode;
  }

  /** A checked start. */
  public record Start(String parcelCode, String kind, String holderCreditCode, String holderName, ObjectNode facts) {}

  @Override
  public String processKey() {
    return IdleLandProcess.KEY;
  }

  @Override
  public List<FieldError> check(Map<String, Object> variables, String ownCreditCode) {
    FieldErrors errors = new FieldErrors();
    validate(fromVariables(variables), errors);
    return errors.list();
  }

  /** The start form's flat variables as the API's body: the facts fields go under {@code facts}. */
  public ObjectNode fromVariables(Map<String, Object> variables) {
    ObjectNode body = mapper.createObjectNode();
    ObjectNode facts = body.putObject("facts");
    variables.forEach((name, value) -> {
      if (value == null || (value instanceof String s && s.isBlank())) {
        return;
      }
      if (DECIMALS.contains(name) || DATES.contains(name) || TEXTS.contains(name)) {
        facts.set(name, DECIMALS.contains(name) && value instanceof String s ? decimalNode(s)
            : mapper.valueToTree(value));
      } else if (START_FIELDS.contains(name)) {
        body.set(name, mapper.valueToTree(value));
      }
    });
    return body;
  }

  private JsonNode decimalNode(String text) {
    try {
      return mapper.getNodeFactory().numberNode(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return mapper.getNodeFactory().textNode(text);
    }
  }

  /** The case to start, or null with every invalid field in {@code errors}. */
  public Start validate(JsonNode body, FieldErrors errors) {
    JsonBody.unknownFields(body, START_FIELDS, errors);
    if (!body.isObject()) {
      return null;
    }
    String parcelCode = parcelCode(body, "parcelCode", errors);
    String kind = JsonBody.text(body, "kind", 1, 20, "类型", errors);
    if (kind != null && !IdleLandProcess.Branches.IDLE.equals(kind)
        && !IdleLandProcess.Branches.STOPPED_PLANT.equals(kind)) {
      errors.add("kind", "类型（kind）须为 idle（闲置土地，《闲置土地处置办法》）或 stopped-plant（停产企业厂房盘活）");
      kind = null;
    }
    String holder = creditCode(body, "holderCreditCode", errors);
    String holderName = optionalText(body, "holderName", "土地使用权人名称", 200, errors);
    ObjectNode facts = facts(body.get("facts"), "facts", errors);
    if (facts != null && kind != null) {
      required(facts, IdleLandProcess.Branches.IDLE.equals(kind)
          ? List.of("price", "areaMu", "agreedStart") : List.of("areaMu"), "facts", errors);
    }
    return errors.isEmpty() ? new Start(parcelCode, kind, holder, holderName, facts) : null;
  }

  /** One parcel of a survey, its facts checked; {@code path} is its JSON path, e.g. {@code parcels[2]}. */
  public Start surveyParcel(JsonNode parcel, String path, FieldErrors errors) {
    FieldErrors own = new FieldErrors();
    if (!parcel.isObject()) {
      errors.add(path, "每一宗地须为 JSON 对象，字段：" + String.join("、", SURVEY_PARCEL_FIELDS));
      return null;
    }
    parcel.fieldNames().forEachRemaining(name -> {
      if (!SURVEY_PARCEL_FIELDS.contains(name)) {
        own.add(path + "." + name, "未知字段 " + name + "，可用字段：" + String.join("、", SURVEY_PARCEL_FIELDS));
      }
    });
    String parcelCode = parcelCode(parcel, "parcelCode", own);
    String holder = creditCode(parcel, "holderCreditCode", own);
    String holderName = optionalText(parcel, "holderName", "土地使用权人名称", 200, own);
    ObjectNode facts = facts(parcel.get("facts"), "facts", own);
    if (facts != null) {
      required(facts, List.of("areaMu", "agreedStart"), "facts", own);
    }
    own.list().forEach(e -> errors.add(e.field().startsWith(path) ? e.field() : path + "." + e.field(),
        e.message()));
    return own.isEmpty() ? new Start(parcelCode, null, holder, holderName, facts) : null;
  }

  private String parcelCode(JsonNode body, String field, FieldErrors errors) {
    JsonNode n = body.get(field);
    String text = n != null && n.isTextual() ? n.asText().strip() : null;
    List<String> problems = ParcelCode.problems(text, regionCode);
    if (n != null && !n.isNull() && !n.isTextual()) {
      errors.add(field, "宗地代码（" + field + "）必须是字符串");
      return null;
    }
    if (!problems.isEmpty()) {
      errors.add(field, String.join("；", problems));
      return null;
    }
    return text;
  }

  private static String creditCode(JsonNode body, String field, FieldErrors errors) {
    String code = JsonBody.text(body, field, 18, 18, "土地使用权人统一社会信用代码", errors);
    if (code != null && !CreditCode.isValid(code)) {
      errors.add(field, "土地使用权人统一社会信用代码（" + field + "）不符合 GB 32100-2015（校验位不正确）");
      return null;
    }
    return code;
  }

  private static String optionalText(JsonNode body, String field, String label, int max, FieldErrors errors) {
    return body.hasNonNull(field) ? JsonBody.text(body, field, 1, max, label, errors) : null;
  }

  private ObjectNode facts(JsonNode facts, String path, FieldErrors errors) {
    if (facts == null || facts.isNull()) {
      errors.add(path, "事实（" + path + "）为必填项：合同价款 price（万元）、面积 areaMu（亩）、约定动工日期 agreedStart 等");
      return null;
    }
    if (!facts.isObject()) {
      errors.add(path, "事实（" + path + "）必须是 JSON 对象");
      return null;
    }
    Set<String> known = new LinkedHashSet<>();
    known.addAll(DECIMALS);
    known.addAll(DATES);
    known.addAll(TEXTS);
    ObjectNode checked = mapper.createObjectNode();
    facts.fields().forEachRemaining(f -> {
      String name = f.getKey();
      JsonNode v = f.getValue();
      String field = path + "." + name;
      if (!known.contains(name)) {
        errors.add(field, "未知的事实字段 " + name + "，可用字段：" + String.join("、", known.stream().sorted().toList()));
      } else if (v.isNull()) {
        return;
      } else if (DECIMALS.contains(name)) {
        if (!v.isNumber() || v.decimalValue().signum() < 0) {
          errors.add(field, name + " 须为非负数（金额以万元计，面积以亩计，builtAreaM2 以平方米计）");
        } else {
          checked.set(name, v);
        }
      } else if (DATES.contains(name)) {
        try {
          checked.put(name, LocalDate.parse(v.asText()).toString());
          if (!v.isTextual()) {
            errors.add(field, name + " 须为日期字符串 YYYY-MM-DD");
          }
        } catch (DateTimeParseException e) {
          errors.add(field, name + " 须为日期 YYYY-MM-DD");
        }
      } else if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 500) {
        errors.add(field, name + " 须为 1–500 个字符的字符串");
      } else {
        checked.put(name, v.asText().strip());
      }
    });
    return checked;
  }

  private static void required(ObjectNode facts, List<String> names, String path, FieldErrors errors) {
    for (String name : names) {
      if (!facts.hasNonNull(name) && !errors.has(path + "." + name)) {
        errors.add(path + "." + name, "缺少事实 " + name + "（" + label(name) + "）");
      }
    }
  }

  private static String label(String name) {
    return switch (name) {
      case "price" -> "出让价款，万元；闲置费按其 20% 计征";
      case "areaMu" -> "宗地面积，亩";
      case "agreedStart" -> "出让合同约定的动工开发日期";
      default -> name;
    };
  }

  /** The facts as the sale contract's record (for the idle-land test and the resupply event). */
  static ParcelContract contract(String parcelCode, String holderCreditCode, String holderName, JsonNode facts) {
    return new ParcelContract(parcelCode, null, holderCreditCode, holderName, text(facts, "projectCode"),
        text(facts, "admissionNumber"), decimal(facts, "areaMu"), null, text(facts, "industryCode"),
        text(facts, "contractNumber"), decimal(facts, "price"), date(facts, "agreedHandOver"),
        date(facts, "actualHandOver"), date(facts, "agreedStart"), null, decimal(facts, "committedInvestment"),
        text(facts, "location"), null, null, null, null, null, text(facts, "titleNumber"));
  }

  static ConstructionState state(JsonNode facts) {
    BigDecimal built = decimal(facts, "builtAreaM2");
    BigDecimal invested = decimal(facts, "investedAmount");
    return new ConstructionState(date(facts, "startedOn"), date(facts, "stoppedOn"), date(facts, "completedOn"),
        date(facts, "productionStoppedOn"), built == null ? BigDecimal.ZERO : built,
        invested == null ? BigDecimal.ZERO : invested);
  }

  static String text(JsonNode facts, String name) {
    return facts != null && facts.hasNonNull(name) ? facts.get(name).asText() : null;
  }

  static BigDecimal decimal(JsonNode facts, String name) {
    return facts != null && facts.hasNonNull(name) ? facts.get(name).decimalValue() : null;
  }

  static LocalDate date(JsonNode facts, String name) {
    return facts != null && facts.hasNonNull(name) ? LocalDate.parse(facts.get(name).asText()) : null;
  }
}
