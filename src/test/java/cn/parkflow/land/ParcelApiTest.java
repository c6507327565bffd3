package cn.parkflow.land;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.ApiAnswers;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/parcels}: putting a parcel up for supply, bad input, who sees which parcel, and the engine REST path. */
@IntegrationTest
class ParcelApiTest {
  private static final String CLERK = "natural-resources-clerk";

  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired LandCases cases;
  @Autowired TaskService taskService;
  Http http;
  ApiAnswers answers;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    answers = new ApiAnswers(mapper);
  }

  private ObjectNode body(String code) {
    ObjectNode b = mapper.createObjectNode();
    b.put("parcelCode", code);
    b.put("location", "进贤县经济开发区光明路 " + code.substring(14) + " 号");
    b.put("areaMu", 45.5);
    b.put("landGrade", 9);
    b.put("industryCode", "34");
    b.put("plannedUse", "工业用地（通用设备制造）");
    return b;
  }

  @Test
  @DisplayName("a natural-resources clerk puts a parcel up: 201, Location, 待落实用地 with the designation open")
  void create() {
    String code = LandCases.newParcelCode();
    HttpResponse<String> res = http.post("/api/parcels", CLERK, body(code).toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(res.headers().firstValue("Location")).hasValue("/api/parcels/" + code);
    JsonNode c = answers.json(res);
    assertThat(c.get("parcelCode").asText()).isEqualTo(code);
    assertThat(c.get("status").asText()).isEqualTo("待落实用地");
    assertThat(c.get("stage").asText()).isNotBlank();
    assertThat(c.get("parcel").get("areaMu").decimalValue()).isEqualByComparingTo("45.5");
    assertThat(c.get("parcel").get("areaM2").decimalValue()).isEqualByComparingTo("30333.33");
    assertThat(c.get("parcel").get("landGrade").asInt()).isEqualTo(9);
    assertThat(c.get("openSteps")).singleElement().satisfies(s -> {
      assertThat(s.get("name").asText()).isEqualTo("落实宗地和用地指标");
      assertThat(s.get("department").asText()).isEqualTo("natural-resources");
    });
    for (String field : List.of("projectCode", "contract", "payments", "milestones", "finishedSteps", "links")) {
      assertThat(c.has(field)).as(field).isTrue();
    }
    assertThat(answers.json(http.get("/api/parcels/" + code, CLERK)).get("parcelCode").asText()).isEqualTo(code);
    assertThat(answers.json(http.get("/api/parcels/" + code, "park-admin-clerk")).get("status").asText()).isEqualTo("待落实用地");
    assertThat(answers.json(http.get("/api/parcels?limit=200", "park-admin-clerk")).findValuesAsText("parcelCode"))
        .contains(code);
    // a second case of the same parcel while one runs: 409
    assertThat(http.post("/api/parcels", CLERK, body(code).toString()).statusCode()).isEqualTo(409);
  }

  @Test
  @DisplayName("only natural-resources staff put parcels up: an enterprise and another department get 403")
  void othersForbidden() {
    for (String user : List.of("enterprise-a", "drc-clerk", "park-admin-clerk", "finance-clerk")) {
      HttpResponse<String> res = http.post("/api/parcels", user, body(LandCases.newParcelCode()).toString());
      assertThat(res.statusCode()).as(user + ": " + res.body()).isEqualTo(403);
      assertThat(answers.json(res).get("detail").asText()).contains("自然资源和规划局");
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "360124001003GB0001, length",
      "360124001003GB000123, length",
      "360125001003GB00012, region",
      "360124001003JB00012, feature code",
      "360124001003GC00012, feature code",
      "36012400A003GB00012, letters in the zone",
      "360124001003GB0A012, letters in the sequence",
      "360124001003GB00000, zero sequence"})
  @DisplayName("bad parcel codes are refused with the reason, naming parcelCode")
  void badParcelCodes(String code, String what) {
    HttpResponse<String> res = http.post("/api/parcels", CLERK, body(LandCases.newParcelCode()).put("parcelCode", code)
        .toString());
    assertThat(answers.errorFields(res)).as(what).containsOnly("parcelCode");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "location|\"\"",
      "location|\"光\"",
      "areaMu|0",
      "areaMu|-3",
      "areaMu|\"45\"",
      "areaMu|1000000",
      "landGrade|0",
      "landGrade|16",
      "landGrade|8.5",
      "landGrade|\"8\"",
      "industryCode|\"3\"",
      "industryCode|\"C3\"",
      "industryCode|39",
      "plannedUse|null",
      "parcelCode|12"})
  @DisplayName("every field wrong on its own is named alone")
  void eachFieldAlone(String field, String value) throws Exception {
    ObjectNode b = body(LandCases.newParcelCode());
    b.set(field, mapper.readTree(value));
    assertThat(answers.errorFields(http.post("/api/parcels", CLERK, b.toString()))).containsOnly(field);
  }

  @Test
  @DisplayName("every field wrong at once: each named, and an unknown field too")
  void allAtOnce() {
    ObjectNode b = mapper.createObjectNode();
    b.put("parcelCode", "360124001003XX0000A");
    b.put("location", "");
    b.put("areaMu", -1);
    b.put("landGrade", 99);
    b.put("industryCode", "ABC");
    b.put("note", "?");
    assertThat(answers.errorFields(http.post("/api/parcels", CLERK, b.toString()))).contains("parcelCode", "location",
        "areaMu", "landGrade", "industryCode", "plannedUse", "note");
  }

  @Test
  @DisplayName("the same Idempotency-Key answers the first case again; another body with it is 409")
  void idempotency() {
    String key = UUID.randomUUID().toString();
    String code = LandCases.newParcelCode();
    HttpResponse<String> first = http.post("/api/parcels", CLERK, body(code).toString(), key);
    HttpResponse<String> again = http.post("/api/parcels", CLERK, body(code).toString(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(answers.json(again).get("parcelCode").asText()).isEqualTo(code);
    assertThat(http.post("/api/parcels", CLERK, body(LandCases.newParcelCode()).toString(), key).statusCode())
        .isEqualTo(409);
  }

  @Test
  @DisplayName("an enterprise sees the parcels it won; another enterprise's parcel is 404 and not in its list")
  void enterpriseSeesItsOwn() {
    String code = cases.startParcel();
    // before the sale the parcel belongs to no enterprise
    assertThat(http.get("/api/parcels/" + code, "enterprise-a").statusCode()).isEqualTo(404);
    cases.designate(code, LandRules.AVAILABLE);
    cases.toAnnouncement(code);
    cases.listingPeriodsEnd(code);
    cases.sold(code, LandCases.CREDIT_CODE_A, "赣江新材料有限公司", "300");
    HttpResponse<String> own = http.get("/api/parcels/" + code, "enterprise-a");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(answers.json(own).get("status").asText()).isEqualTo("合同签订中");
    assertThat(answers.json(own).get("listing").get("winnerName").asText()).isEqualTo("赣江新材料有限公司");
    assertThat(answers.json(http.get("/api/parcels?limit=200", "enterprise-a")).findValuesAsText("parcelCode")).contains(code);
    HttpResponse<String> other = http.get("/api/parcels/" + code, "enterprise-b");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(answers.json(other).get("detail").asText()).contains("未找到");
    assertThat(answers.json(http.get("/api/parcels?limit=200", "enterprise-b")).findValuesAsText("parcelCode"))
        .doesNotContain(code);
    assertThat(http.get("/api/parcels/360124001003GB99999X", "enterprise-a").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("engine REST: a reserve price below the minimum is 400 naming reservePrice; the task stays open")
  void engineRestRefusesTheRule() {
    String code = cases.startParcel();
    cases.designate(code, LandRules.AVAILABLE);
    cases.complete(code, LandSupplyProcess.Elements.SET_PLANNING_CONDITIONS, java.util.Map.of());
    String taskId = cases.task(code, LandSupplyProcess.Elements.SET_RESERVE_PRICE).getId();
    HttpResponse<String> res = http.post("/engine-rest/task/" + taskId + "/complete", "finance-clerk",
        "{\"variables\":{\"reservePrice\":{\"value\":\"100\"},\"prioritized\":{\"value\":false},"
            + "\"landIntensive\":{\"value\":false}}}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(answers.json(res).get("detail").asText()).contains("reservePrice").contains("252");
    assertThat(cases.tasks(code, LandSupplyProcess.Elements.SET_RESERVE_PRICE)).hasSize(1);
  }

  @Test
  @DisplayName("engine REST: more time without a new due date is 400 with errors naming newDueDate")
  void engineRestNamesTheDecisionField() {
    String code = cases.soldToA();
    cases.signContract(code);
    LandCaseRepository.Payment first = cases.cases.payments(cases.landCase(code).id()).get(0);
    try {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(first.dueOn().plusDays(62)
          .atStartOfDay(cn.parkflow.time.Beijing.ZONE).toInstant()));
      cases.executeJobs(code);
      String taskId = cases.task(code, LandSupplyProcess.Elements.DECIDE_RESCISSION).getId();
      HttpResponse<String> res = http.post("/engine-rest/task/" + taskId + "/complete", "county-government-clerk",
          "{\"variables\":{\"decision\":{\"value\":\"extend\"},\"opinion\":{\"value\":\"给予宽限\"}}}");
      assertThat(answers.errorFields(res)).containsExactly("newDueDate");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }
}
