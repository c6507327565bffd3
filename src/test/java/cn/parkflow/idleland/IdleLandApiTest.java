package cn.parkflow.idleland;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.idleland.IdleLandProcess.Elements;
import cn.parkflow.parcel.ParcelViewPart;
import cn.parkflow.support.ApiAnswers;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/idle-land-cases}, {@code /api/idle-land-surveys} and the holder's answers, over real HTTP. */
@IntegrationTest
class IdleLandApiTest {
  @LocalServerPort int port;
  @Autowired IdleLandCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired @Qualifier("idleLandCase") ParcelViewPart parcelPart;
  Http http;
  ApiAnswers answers;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    answers = new ApiAnswers(cases.mapper);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String open(ObjectNode body) {
    HttpResponse<String> res = http.post("/api/idle-land-cases", "natural-resources-clerk", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return answers.json(res).get("parcelCode").asText();
  }

  private ObjectNode statementBody() {
    ObjectNode s = cases.mapper.createObjectNode();
    s.put("use", "已完成场地平整和围墙，主体未动工");
    s.put("reasons", "规划调整导致方案重报");
    s.putArray("claimedCauses").add(2);
    s.putArray("evidence").add("规划调整通知（2025）");
    return s;
  }

  @Test
  @DisplayName("a natural-resources clerk opens a case: 201, Location, the case shape; others 403; a second open case 409")
  void openCase() {
    String parcel = IdleLandCases.parcelCode();
    ObjectNode body = cases.idleBody(parcel, IdleLandCases.HOLDER_A, 18);
    assertThat(http.post("/api/idle-land-cases", "park-admin-clerk", body.toString()).statusCode()).isEqualTo(403);
    assertThat(http.post("/api/idle-land-cases", "enterprise-a", body.toString()).statusCode()).isEqualTo(403);
    HttpResponse<String> res = http.post("/api/idle-land-cases", "natural-resources-clerk", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(res.headers().firstValue("Location")).hasValue("/api/idle-land-cases/" + parcel);
    JsonNode c = answers.json(res);
    assertThat(c.get("branch").asText()).isEqualTo("idle");
    assertThat(c.get("status").asText()).isEqualTo("调查中");
    assertThat(c.get("facts").get("price").toString()).isEqualTo("1234.5");
    assertThat(c.get("openSteps")).singleElement().satisfies(s -> {
      assertThat(s.get("name").asText()).isEqualTo("立案调查并送达闲置土地调查通知书");
      assertThat(s.get("department").asText()).isEqualTo("natural-resources");
    });
    assertThat(c.has("decisions")).isTrue();
    assertThat(c.has("finishedSteps")).isTrue();
    assertThat(c.has("cause")).isTrue();
    HttpResponse<String> again = http.post("/api/idle-land-cases", "natural-resources-clerk", body.toString());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(answers.json(again).get("detail").asText()).contains("已有未办结的闲置土地处置案件");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {"parcelCode|\"360124001003GB0001\"", "parcelCode|\"360125001003GB00012\"",
      "parcelCode|\"360124001003GJ00012\"", "kind|\"idle-land\"", "holderCreditCode|\"91360124MA39PFL7XD\"",
      "facts|[]", "unknown|1"})
  @DisplayName("each top-level field wrong alone is named and nothing starts")
  void badInput(String field, String value) throws Exception {
    ObjectNode body = cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18);
    body.set(field, cases.mapper.readTree(value));
    assertThat(answers.errorFields(http.post("/api/idle-land-cases", "natural-resources-clerk", body.toString())))
        .singleElement().asString().startsWith(field);
  }

  @Test
  @DisplayName("facts: wrong types and missing required facts are named by their path")
  void badFacts() {
    ObjectNode body = cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18);
    ObjectNode facts = (ObjectNode) body.get("facts");
    facts.remove("price");
    facts.put("areaMu", -3);
    facts.put("agreedStart", "2025-02-30");
    facts.put("colour", "red");
    assertThat(answers.errorFields(http.post("/api/idle-land-cases", "natural-resources-clerk", body.toString())))
        .containsExactlyInAnyOrder("facts.price", "facts.areaMu", "facts.agreedStart", "facts.colour");
  }

  @Test
  @DisplayName("the holder sees its case and answers in time; another enterprise gets 404; staff may not answer for it")
  void holderAnswers() {
    String parcel = open(cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18));
    assertThat(answers.json(http.get("/api/idle-land-cases/" + parcel, "enterprise-a")).get("status").asText())
        .isEqualTo("调查中");
    assertThat(http.get("/api/idle-land-cases/" + parcel, "enterprise-b").statusCode()).isEqualTo(404);
    assertThat(answers.json(http.get("/api/idle-land-cases?limit=200", "enterprise-a")).findValuesAsText("parcelCode"))
        .contains(parcel);
    assertThat(answers.json(http.get("/api/idle-land-cases?limit=200", "enterprise-b")).findValuesAsText("parcelCode"))
        .doesNotContain(parcel);
    assertThat(answers.json(http.get("/api/idle-land-cases?limit=200", "natural-resources-clerk"))
        .findValuesAsText("parcelCode")).contains(parcel);

    String path = "/api/parcels/" + parcel + "/idle-land-statement";
    HttpResponse<String> early = http.post(path, "enterprise-a", statementBody().toString());
    assertThat(early.statusCode()).isEqualTo(409);
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    assertThat(http.post(path, "enterprise-b", statementBody().toString()).statusCode()).isEqualTo(404);
    assertThat(http.post(path, "natural-resources-clerk", statementBody().toString()).statusCode()).isEqualTo(403);
    ObjectNode bad = statementBody();
    bad.remove("use");
    bad.putArray("claimedCauses").add(9);
    assertThat(answers.errorFields(http.post(path, "enterprise-a", bad.toString()))).containsExactlyInAnyOrder("use",
        "claimedCauses");
    HttpResponse<String> ok = http.post(path, "enterprise-a", statementBody().toString());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode c = answers.json(ok);
    assertThat(c.get("status").asText()).isEqualTo("认定中");
    assertThat(c.get("statement").get("claimedCauses").get(0).asInt()).isEqualTo(2);
    assertThat(c.get("decisions")).singleElement().satisfies(d -> {
      assertThat(d.get("title").asText()).isEqualTo("闲置土地调查通知书");
      assertThat(d.get("organ").asText()).isEqualTo("进贤县自然资源和规划局");
      assertThat(d.get("number").asText()).matches("进贤自然资闲调〔\\d{4}〕\\d+号");
      assertThat(d.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    });
    assertThat(c.get("notices")).singleElement().satisfies(n ->
        assertThat(n.get("subject").asText()).contains("闲置土地调查通知书"));
    assertThat(http.post(path, "enterprise-a", statementBody().toString()).statusCode()).isEqualTo(409);
    assertThat(parcelPart.field()).isEqualTo("idleLandCase");
    assertThat(parcelPart.valueFor(parcel)).isInstanceOfSatisfying(IdleLandParcelPart.Summary.class, s -> {
      assertThat(s.status()).isEqualTo("认定中");
      assertThat(s.href()).isEqualTo("/api/idle-land-cases/" + parcel);
    });
    assertThat(parcelPart.valueFor(IdleLandCases.parcelCode())).isNull();
  }

  @Test
  @DisplayName("a statement after its 30 days and a hearing request after its 5 working days answer 409 with a clear message")
  void lateAnswers() {
    String parcel = open(cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18));
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(32))));
    HttpResponse<String> late = http.post("/api/parcels/" + parcel + "/idle-land-statement", "enterprise-a",
        statementBody().toString());
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(answers.json(late).get("detail").asText()).contains("陈述期限已于").contains("届满").contains("第五条");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.AWAITING_STATEMENT);
    ClockUtil.reset();

    cases.fire(parcel, Elements.STATEMENT_DEADLINE);
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "holder");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    cases.complete(parcel, Elements.DRAFT_DECISION, "fee");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(15))));
    HttpResponse<String> lateHearing = http.post("/api/parcels/" + parcel + "/hearing-request", "enterprise-a",
        "{\"reason\":\"对闲置时间有异议\"}");
    assertThat(lateHearing.statusCode()).isEqualTo(409);
    assertThat(answers.json(lateHearing).get("detail").asText()).contains("听证申请期限已于").contains("届满");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.HEARING_NOTICE);
    ClockUtil.reset();
    HttpResponse<String> inTime = http.post("/api/parcels/" + parcel + "/hearing-request", "enterprise-a", "{}");
    assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(200);
    assertThat(answers.json(inTime).get("status").asText()).isEqualTo("听证中");
    assertThat(cases.tasks(parcel, Elements.HOLD_HEARING)).hasSize(1);
  }

  private ObjectNode surveyParcel(String code, String holder, Map<String, Object> facts) {
    ObjectNode p = cases.mapper.createObjectNode();
    p.put("parcelCode", code);
    p.put("holderCreditCode", holder);
    ObjectNode f = p.putObject("facts");
    f.put("areaMu", new BigDecimal("20"));
    f.put("price", new BigDecimal("600"));
    f.put("committedInvestment", new BigDecimal("8000"));
    facts.forEach((k, v) -> f.set(k, cases.mapper.valueToTree(v)));
    return p;
  }

  @Test
  @DisplayName("a yearly survey of mixed parcels: idle and stopped plants get one case each, the rest none, an open case is not doubled")
  void yearlySurvey() {
    LocalDate today = LocalDate.now();
    String idle = IdleLandCases.parcelCode();
    String littleBuilt = IdleLandCases.parcelCode();
    String watch = IdleLandCases.parcelCode();
    String fine = IdleLandCases.parcelCode();
    String stopped = IdleLandCases.parcelCode();
    String alreadyOpen = open(cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18));
    ArrayNode parcels = cases.mapper.createArrayNode();
    parcels.add(surveyParcel(idle, IdleLandCases.HOLDER_A, Map.of("agreedStart", today.minusMonths(13).toString())));
    parcels.add(surveyParcel(littleBuilt, IdleLandCases.HOLDER_B, Map.of("agreedStart",
        today.minusMonths(30).toString(), "startedOn", today.minusMonths(28).toString(), "stoppedOn",
        today.minusMonths(14).toString(), "builtAreaM2", 1000, "investedAmount", 500)));
    parcels.add(surveyParcel(watch, IdleLandCases.HOLDER_A, Map.of("agreedStart", today.minusMonths(5).toString())));
    parcels.add(surveyParcel(fine, IdleLandCases.HOLDER_A, Map.of("agreedStart", today.plusMonths(3).toString())));
    parcels.add(surveyParcel(stopped, IdleLandCases.HOLDER_B, Map.of("agreedStart",
        today.minusYears(4).toString(), "startedOn", today.minusYears(4).toString(), "completedOn",
        today.minusYears(2).toString(), "productionStoppedOn", today.minusMonths(7).toString())));
    parcels.add(surveyParcel(alreadyOpen, IdleLandCases.HOLDER_A, Map.of("agreedStart",
        today.minusMonths(18).toString())));
    ObjectNode body = cases.mapper.createObjectNode();
    body.set("parcels", parcels);
    assertThat(http.post("/api/idle-land-surveys", "enterprise-a", body.toString()).statusCode()).isEqualTo(403);
    HttpResponse<String> res = http.post("/api/idle-land-surveys", "natural-resources-clerk", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode answer = answers.json(res);
    assertThat(answer.get("casesStarted").asInt()).isEqualTo(3);
    JsonNode rows = answer.get("parcels");
    assertThat(rows).hasSize(6);
    assertThat(rows.findValuesAsText("result")).containsExactly("idle", "idle", "watch", "ok", "stopped-plant",
        "idle");
    assertThat(rows.findValuesAsText("caseStarted")).containsExactly("true", "true", "false", "false", "true",
        "false");
    assertThat(rows.get(5).get("note").asText()).contains("已有未办结的案件");
    assertThat(rows.get(0).get("reason").asText()).contains("第二条第一款");
    assertThat(rows.get(1).get("inputs").get("builtShare").asDouble()).isLessThan(1.0 / 3);
    assertThat(cases.of(idle).branch()).isEqualTo("idle");
    assertThat(cases.of(littleBuilt).branch()).isEqualTo("idle");
    assertThat(cases.of(stopped).branch()).isEqualTo("stopped-plant");
    assertThat(cases.tasks(stopped, Elements.ASSESS_STOPPED_PLANT)).hasSize(1);
    assertThat(cases.repository.latest(watch)).isEmpty();
    assertThat(cases.repository.latest(fine)).isEmpty();

    ObjectNode bad = cases.mapper.createObjectNode();
    bad.putArray("parcels").add(surveyParcel("123", IdleLandCases.HOLDER_A, Map.of()));
    assertThat(answers.errorFields(http.post("/api/idle-land-surveys", "natural-resources-clerk", bad.toString())))
        .containsExactlyInAnyOrder("parcels[0].parcelCode", "parcels[0].facts.agreedStart");
  }

  @Test
  @DisplayName("engine REST: a fee on a government-caused case and a start-form start with bad input are 400 naming the field")
  void engineRest() throws Exception {
    LocalDate today = LocalDate.now();
    String parcel = cases.foundIdle(IdleLandCases.contract(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A,
        today.minusMonths(20), true), today);
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    cases.fire(parcel, Elements.STATEMENT_DEADLINE);
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "government", "article8Item", "1", "faultDepartment", "县土地储备中心");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    String plan = cases.task(parcel, Elements.AGREE_DISPOSAL_PLAN).getId();
    HttpResponse<String> fee = http.post("/engine-rest/task/" + plan + "/complete", "natural-resources-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"fee\",\"type\":\"String\"},"
            + "\"opinion\":{\"value\":\"征缴闲置费\",\"type\":\"String\"},"
            + "\"agreementNumber\":{\"value\":\"BC-1\",\"type\":\"String\"}}}");
    assertThat(answers.errorFields(fee)).contains("decision");
    runtimeService.createProcessInstanceModification(cases.of(parcel).processInstanceId())
        .startBeforeActivity(Elements.DRAFT_DECISION).execute();
    String draft = cases.task(parcel, Elements.DRAFT_DECISION).getId();
    HttpResponse<String> recovery = http.post("/engine-rest/task/" + draft + "/complete", "natural-resources-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"recovery\",\"type\":\"String\"},"
            + "\"opinion\":{\"value\":\"无偿收回\",\"type\":\"String\"}}}");
    assertThat(answers.errorFields(recovery)).containsExactly("decision");
    assertThat(answers.json(recovery).get("errors").get(0).get("message").asText()).contains("政府原因");

    String code = IdleLandCases.parcelCode();
    ObjectNode v = cases.mapper.createObjectNode();
    v.set("parcelCode", cases.mapper.createObjectNode().put("value", "3601240010").put("type", "String"));
    v.set("kind", cases.mapper.createObjectNode().put("value", "stopped-plant").put("type", "String"));
    v.set("holderCreditCode", cases.mapper.createObjectNode().put("value", IdleLandCases.HOLDER_B).put("type",
        "String"));
    v.set("areaMu", cases.mapper.createObjectNode().put("value", "12.5").put("type", "String"));
    String start = "/engine-rest/process-definition/key/" + IdleLandProcess.KEY + "/submit-form";
    HttpResponse<String> refused = http.post(start, "natural-resources-clerk",
        cases.mapper.createObjectNode().set("variables", v).toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("宗地代码");
    v.set("parcelCode", cases.mapper.createObjectNode().put("value", code).put("type", "String"));
    HttpResponse<String> started = http.post(start, "natural-resources-clerk",
        cases.mapper.createObjectNode().set("variables", v).toString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(answers.json(started).get("businessKey").asText()).isEqualTo(code);
    IdleLandCase c = cases.of(code);
    assertThat(c.branch()).isEqualTo("stopped-plant");
    assertThat(c.startedBy()).isEqualTo("natural-resources-clerk");
    assertThat(c.facts().get("areaMu").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(cases.tasks(code, Elements.ASSESS_STOPPED_PLANT)).hasSize(1);
    assertThat(runtimeService.getVariables(c.processInstanceId())).containsEntry("caseCode", code)
        .containsEntry("branch", "stopped-plant").doesNotContainKeys("areaMu", "holderCreditCode", "kind");
  }
}
