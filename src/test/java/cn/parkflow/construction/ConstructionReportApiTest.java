package cn.parkflow.construction;

import static cn.parkflow.construction.WatchCases.today;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/parcels/{parcelCode}/construction-reports}: the holder only, every bad field, order, idempotency.
 */
@IntegrationTest
class ConstructionReportApiTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired WatchCases cases;
  Http http;
  String parcel;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    parcel = cases.registered();
  }

  private String path() {
    return "/api/parcels/" + parcel + "/construction-reports";
  }

  private ObjectNode body(String kind) {
    ObjectNode b = mapper.createObjectNode();
    b.put("kind", kind);
    b.put("date", today().toString());
    b.put("builtAreaM2", 1200.5);
    b.put("investedAmount", 850);
    b.put("note", "桩基施工");
    return b;
  }

  private JsonNode json(HttpResponse<String> res) {
    return new ApiAnswers(mapper).json(res);
  }

  private List<String> errorFields(HttpResponse<String> res) {
    return new ApiAnswers(mapper).errorFields(res);
  }

  private int reports() {
    return cases.watches.reports(cases.watch(parcel).id()).size();
  }

  @Test
  @DisplayName("the holder reports the start: 201, Location, the milestones; 确认开工 opens for natural-resources")
  void holderReportsTheStart() {
    HttpResponse<String> res = http.post(path(), "enterprise-a", body("started").toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(res.headers().firstValue("Location")).hasValue("/api/parcels/" + parcel);
    JsonNode m = json(res);
    assertThat(m.get("watchStatus").asText()).isEqualTo("开工待确认");
    assertThat(m.get("reportedStart").asText()).isEqualTo(today().toString());
    assertThat(m.get("reports")).singleElement().satisfies(r -> {
      assertThat(r.get("kind").asText()).isEqualTo("started");
      assertThat(r.get("builtAreaM2").decimalValue()).isEqualByComparingTo("1200.5");
    });
    assertThat(cases.tasks(parcel, ConstructionWatchProcess.Elements.CONFIRM_START)).hasSize(1);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "kind|\"begun\"", "kind|1", "kind|null", "date|\"2026-02-30\"", "date|\"30.11.2026\"", "date|+1",
      "date|-1", "builtAreaM2|-1", "builtAreaM2|\"1200\"", "builtAreaM2|30000", "investedAmount|null",
      "investedAmount|-0.5", "note|\"\"", "unknownField|1"})
  @DisplayName("each field wrong alone is named (date ±1: tomorrow, or the day before the title), nothing is stored")
  void eachFieldAlone(String field, String value) throws Exception {
    ObjectNode body = body("started");
    if ("date".equals(field) && value.matches("[+-]1")) {
      body.put("date", today().plusDays(Long.parseLong(value)).toString());
    } else {
      body.set(field, mapper.readTree(value));
    }
    List<String> fields = errorFields(http.post(path(), "enterprise-a", body.toString()));
    assertThat(fields).containsExactly(field);
    assertThat(reports()).isZero();
  }

  @Test
  @DisplayName("every wrong field at once")
  void allAtOnce() {
    ObjectNode body = mapper.createObjectNode();
    body.put("date", "tomorrow");
    body.put("builtAreaM2", "many");
    body.put("extra", true);
    assertThat(errorFields(http.post(path(), "enterprise-a", body.toString())))
        .containsExactlyInAnyOrder("kind", "date", "builtAreaM2", "investedAmount", "extra");
  }

  @Test
  @DisplayName("only the holder: another enterprise 404, staff 403, an unknown parcel 404")
  void holderOnly() {
    HttpResponse<String> other = http.post(path(), "enterprise-b", body("started").toString());
    assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
    assertThat(json(other).get("detail").asText()).contains(parcel);
    for (String staff : List.of("natural-resources-clerk", "park-admin-clerk")) {
      HttpResponse<String> res = http.post(path(), staff, body("started").toString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(403);
    }
    assertThat(http.post("/api/parcels/360124001003GB99999/construction-reports", "enterprise-a",
        body("started").toString()).statusCode()).isEqualTo(404);
    assertThat(reports()).isZero();
  }

  @Test
  @DisplayName("order rules: no completion or progress before a confirmed start (409), no resumption unless stopped"
      + " (409), no date before the last report and no smaller cumulative figures (400)")
  void orderRules() {
    for (String kind : List.of("completed", "progress", "resumed", "stopped")) {
      HttpResponse<String> res = http.post(path(), "enterprise-a", body(kind).toString());
      assertThat(res.statusCode()).as(kind + ": " + res.body()).isEqualTo(409);
      assertThat(json(res).get("detail").asText()).contains("待开工");
    }
    assertThat(http.post(path(), "enterprise-a", body("started").toString()).statusCode()).isEqualTo(201);
    HttpResponse<String> twice = http.post(path(), "enterprise-a", body("started").toString());
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    cases.confirmStart(parcel);
    HttpResponse<String> resumed = http.post(path(), "enterprise-a", body("resumed").toString());
    assertThat(resumed.statusCode()).isEqualTo(409);
    assertThat(json(resumed).get("detail").asText()).contains("复工只能在停工后报告");

    ObjectNode smaller = body("progress");
    smaller.put("builtAreaM2", 100);
    smaller.put("investedAmount", 10);
    assertThat(errorFields(http.post(path(), "enterprise-a", smaller.toString())))
        .containsExactlyInAnyOrder("builtAreaM2", "investedAmount");
    assertThat(http.post(path(), "enterprise-a", body("stopped").toString()).statusCode()).isEqualTo(201);
    assertThat(http.post(path(), "enterprise-a", body("resumed").toString()).statusCode()).isEqualTo(201);
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.BUILDING);
  }

  @Test
  @DisplayName("Idempotency-Key: a repeat answers the first 201 without a second report; another body with it is 409")
  void idempotency() {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = http.post(path(), "enterprise-a", body("started").toString(), key);
    HttpResponse<String> again = http.post(path(), "enterprise-a", body("started").toString(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json(again)).isEqualTo(json(first));
    assertThat(reports()).isEqualTo(1);
    ObjectNode other = body("started");
    other.put("note", "另一份报告");
    assertThat(http.post(path(), "enterprise-a", other.toString(), key).statusCode()).isEqualTo(409);
  }

  @Test
  @DisplayName("the clerk's tasks through the engine REST API: confirming without the permit is 400 naming it; the"
      + " measured indicators sent as typed numbers verify the completion")
  void tasksThroughEngineRest() {
    assertThat(http.post(path(), "enterprise-a", body("started").toString()).statusCode()).isEqualTo(201);
    String confirm = cases.task(parcel, ConstructionWatchProcess.Elements.CONFIRM_START).getId();
    String noPermit = """
        {"variables": {"decision": {"value": "approve"}, "workOnSite": {"value": true, "type": "Boolean"}}}""";
    assertThat(errorFields(http.post("/engine-rest/task/" + confirm + "/complete", "natural-resources-clerk",
        noPermit))).containsExactly("permitNumber");
    String withPermit = """
        {"variables": {"decision": {"value": "approve"}, "permitNumber": {"value": "360124202611300007"},
         "workOnSite": {"value": true, "type": "Boolean"}}}""";
    HttpResponse<String> confirmed = http.post("/engine-rest/task/" + confirm + "/complete",
        "natural-resources-clerk", withPermit);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    assertThat(cases.watch(parcel).permitNumber()).isEqualTo("360124202611300007");

    ObjectNode done = body("completed");
    done.put("builtAreaM2", 20000);
    done.put("investedAmount", 9000);
    assertThat(http.post(path(), "enterprise-a", done.toString()).statusCode()).isEqualTo(201);
    String verify = cases.task(parcel, ConstructionWatchProcess.Elements.VERIFY_COMPLETION).getId();
    String measured = """
        {"variables": {"decision": {"value": "approve"},
         "measuredPlotRatio": {"value": 1.1, "type": "Double"}, "measuredCoverage": {"value": 36, "type": "Long"},
         "measuredOfficeShare": {"value": 5.5, "type": "Double"}, "measuredGreenShare": {"value": "12"},
         "measuredIntensity": {"value": 300, "type": "Integer"}}}""";
    HttpResponse<String> verified = http.post("/engine-rest/task/" + verify + "/complete", "natural-resources-clerk",
        measured);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.VERIFIED);
    assertThat(cases.watch(parcel).penalty()).isEqualByComparingTo("0");
  }
}
