package cn.parkflow.onboarding;

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
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/admissions}: applying, following and withdrawing, with bad input and another enterprise. */
@IntegrationTest
class AdmissionApiTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired AdmissionCases cases;
  @Autowired JdbcTemplate jdbc;
  Http http;
  ApiAnswers answers;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    answers = new ApiAnswers(mapper);
  }

  private long named(String projectName) {
    return jdbc.queryForObject("select count(*) from pf_admission where project_name = ?", Long.class, projectName);
  }

  @Test
  @DisplayName("an enterprise applies: 201, Location, 预审中 with the preliminary assessment open and the screening")
  void apply() {
    ObjectNode body = cases.passing();
    HttpResponse<String> res = http.post("/api/admissions", "enterprise-a", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode c = answers.json(res);
    String number = c.get("admissionNumber").asText();
    assertThat(number).matches("RY-\\d{4}-\\d{4}");
    assertThat(res.headers().firstValue("Location")).hasValue("/api/admissions/" + number);
    assertThat(c.get("status").asText()).isEqualTo("预审中");
    assertThat(c.get("stage").asText()).isEqualTo("初步评估");
    assertThat(c.get("screening").get("result").asText()).isEqualTo("pass");
    assertThat(c.get("application").get("fixedAssetInvestment").toString()).isEqualTo("20000.5");
    assertThat(c.get("openSteps")).singleElement().satisfies(s -> {
      assertThat(s.get("name").asText()).isEqualTo("初步评估");
      assertThat(s.get("department").asText()).isEqualTo("investment-promotion");
      assertThat(s.get("light").asText()).isEqualTo("green");
    });
    assertThat(c.get("finishedSteps")).isEmpty();
    assertThat(answers.json(http.get("/api/admissions/" + number, "enterprise-a")).get("admissionNumber").asText())
        .isEqualTo(number);
    assertThat(answers.json(http.get("/api/admissions?limit=200", "enterprise-a")).findValuesAsText("admissionNumber"))
        .contains(number);
    assertThat(answers.json(http.get("/api/admissions?limit=200", "enterprise-b")).findValuesAsText("admissionNumber"))
        .doesNotContain(number);
  }

  @Test
  @DisplayName("a refusal by the screening table answers 201 with 不予入园 and the reasons, and no task")
  void refusedAtOnce() {
    ObjectNode body = cases.passing();
    body.put("industryCode", "25");
    HttpResponse<String> res = http.post("/api/admissions", "enterprise-a", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode c = answers.json(res);
    assertThat(c.get("status").asText()).isEqualTo("不予入园");
    assertThat(c.get("screening").get("result").asText()).isEqualTo("refuse");
    assertThat(c.get("screening").get("reasons").get(0).asText()).contains("禁止类产业");
    assertThat(c.get("openSteps")).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "enterpriseName|\"\"", "enterpriseName|12", "creditCode|\"91360124MA39PFL7XD\"",
      "creditCode|\"91360124MA3AQ0KD27\"", "projectName|null", "industryCode|\"98\"", "industryCode|39",
      "productDescription|\"\"", "totalInvestment|0", "totalInvestment|\"1000\"", "fixedAssetInvestment|30000",
      "landArea|-1", "annualOutput|0", "annualTax|-5", "annualEnergyTce|\"many\"", "annualWaterTonnes|null",
      "pollutants|{}", "pollutants|[{\"kind\":\"noise\",\"amount\":1,\"unit\":\"dB\"}]",
      "hazardousChemicals|\"no\"", "occupationalHazards|null", "jobs|1.5", "rdIntensity|101",
      "plannedStart|\"2027-02-30\"", "plannedProduction|\"2026-01-01\"", "contactEmail|\"not-an-address\"",
      "unknownField|1"})
  @DisplayName("each field wrong alone is named, and nothing is stored")
  void eachFieldAlone(String field, String value) throws Exception {
    ObjectNode body = cases.passing();
    body.set(field, mapper.readTree(value));
    List<String> fields = answers.errorFields(http.post("/api/admissions", "enterprise-a", body.toString()));
    assertThat(fields).hasSize(1);
    assertThat(fields.get(0)).startsWith(field);
    assertThat(named(body.get("projectName").asText(""))).isZero();
  }

  @Test
  @DisplayName("either new land or a rented factory: both or neither is an error; a rented factory alone is fine")
  void landOrRented() {
    ObjectNode both = cases.passing();
    both.put("rentedFloorM2", 5000);
    assertThat(answers.errorFields(http.post("/api/admissions", "enterprise-a", both.toString()))).containsExactly("landArea");
    ObjectNode rented = cases.passing();
    rented.remove("landArea");
    rented.put("rentedFloorM2", 5000);
    HttpResponse<String> res = http.post("/api/admissions", "enterprise-a", rented.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(answers.json(res).get("screening").get("result").asText()).isEqualTo("pass");
  }

  @Test
  @DisplayName("every wrong field at once")
  void allAtOnce() {
    ObjectNode body = mapper.createObjectNode();
    body.put("projectName", "x" + UUID.randomUUID());
    body.put("creditCode", "123");
    body.put("jobs", -1);
    List<String> fields = answers.errorFields(http.post("/api/admissions", "enterprise-a", body.toString()));
    assertThat(fields).contains("enterpriseName", "creditCode", "industryCode", "productDescription",
        "totalInvestment", "fixedAssetInvestment", "landArea", "annualOutput", "annualTax", "annualEnergyTce",
        "annualWaterTonnes", "pollutants", "hazardousChemicals", "occupationalHazards", "jobs", "rdIntensity",
        "plannedStart", "plannedProduction", "contactEmail").hasSize(19);
  }

  @Test
  @DisplayName("another enterprise's case answers 404, also for its withdrawal; staff cannot apply (403)")
  void anotherEnterprise() {
    String number = answers.json(http.post("/api/admissions", "enterprise-a", cases.passing().toString()))
        .get("admissionNumber").asText();
    assertThat(http.get("/api/admissions/" + number, "enterprise-b").statusCode()).isEqualTo(404);
    assertThat(http.post("/api/admissions/" + number + "/withdrawal", "enterprise-b", "{\"reason\":\"撤回吧\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/admissions/RY-1-1", "enterprise-a").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/admissions/" + number, "park-admin-clerk").statusCode()).isEqualTo(200);
    assertThat(http.post("/api/admissions", "park-admin-clerk", cases.passing().toString()).statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("the same Idempotency-Key answers the first case and creates nothing more")
  void idempotency() {
    ObjectNode body = cases.passing();
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = http.post("/api/admissions", "enterprise-a", body.toString(), key);
    HttpResponse<String> second = http.post("/api/admissions", "enterprise-a", body.toString(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(answers.json(second).get("admissionNumber").asText()).isEqualTo(answers.json(first).get("admissionNumber").asText());
    assertThat(named(body.get("projectName").asText())).isEqualTo(1);
  }

  @Test
  @DisplayName("withdrawal before the agreement: 200 and 已撤回; a bad reason is named; a second one is 409")
  void withdrawal() {
    String number = answers.json(http.post("/api/admissions", "enterprise-a", cases.passing().toString()))
        .get("admissionNumber").asText();
    assertThat(answers.errorFields(http.post("/api/admissions/" + number + "/withdrawal", "enterprise-a", "{\"why\":1}")))
        .containsExactlyInAnyOrder("why", "reason");
    HttpResponse<String> res = http.post("/api/admissions/" + number + "/withdrawal", "enterprise-a",
        "{\"reason\":\"调整投资计划\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(answers.json(res).get("status").asText()).isEqualTo("已撤回");
    assertThat(answers.json(res).get("openSteps")).isEmpty();
    assertThat(http.post("/api/admissions/" + number + "/withdrawal", "enterprise-a", "{\"reason\":\"再次撤回\"}")
        .statusCode()).isEqualTo(409);
  }

  @Test
  @DisplayName("milestones: reported in order after the agreement; on time 绿, late 黄; out of order 409; bad input named")
  void milestones() {
    String onTime = cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    String path = "/api/admissions/" + onTime + "/milestones";
    assertThat(http.post(path, "enterprise-a",
        "{\"milestone\":\"completed\",\"date\":\"2026-11-01\",\"investedAmount\":100}").statusCode())
        .isEqualTo(409);
    assertThat(answers.errorFields(http.post(path, "enterprise-a",
        "{\"milestone\":\"begun\",\"date\":\"2999-01-01\",\"investedAmount\":-1,\"extra\":1}")))
        .containsExactlyInAnyOrder("milestone", "date", "investedAmount", "extra");
    assertThat(http.post(path, "enterprise-b",
        "{\"milestone\":\"started\",\"date\":\"2026-11-01\",\"investedAmount\":100}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> res = http.post(path, "enterprise-a",
        "{\"milestone\":\"started\",\"date\":\"2026-11-01\",\"investedAmount\":1500.5,\"note\":\"桩基开工\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode c = answers.json(res);
    assertThat(c.get("status").asText()).isEqualTo("已开工");
    JsonNode started = c.get("milestones").get(0);
    assertThat(started.get("milestone").asText()).isEqualTo("started");
    assertThat(started.get("agreed").asText()).isEqualTo("2027-03-01");
    assertThat(started.get("reported").asText()).isEqualTo("2026-11-01");
    assertThat(started.get("progressColour").asText()).isEqualTo("绿");
    assertThat(c.get("milestones").get(1).get("reported").isNull()).isTrue();

    String late = cases.signed("2026-01-01", "2026-06-01", "2026-09-01", "2027-09-01");
    JsonNode lateCase = answers.json(http.post("/api/admissions/" + late + "/milestones", "enterprise-a",
        "{\"milestone\":\"started\",\"date\":\"2026-02-15\",\"investedAmount\":300}"));
    assertThat(lateCase.get("milestones").get(0).get("progressColour").asText()).isEqualTo("黄");
    assertThat(http.post("/api/admissions/" + late + "/withdrawal", "enterprise-a", "{\"reason\":\"不做了\"}")
        .statusCode()).isEqualTo(409);
  }

  @Test
  @DisplayName("the first year at full output: a later full-output report carries the actual tax; the case shows "
      + "actual against agreed tax per mu and the shortfall; once only; actualTax with another milestone is named")
  void firstYearTax() {
    String number = cases.signed("2026-03-01", "2026-06-01", "2026-08-01", "2026-10-01");
    String path = "/api/admissions/" + number + "/milestones";
    assertThat(answers.errorFields(http.post(path, "enterprise-a",
        "{\"milestone\":\"started\",\"date\":\"2026-03-01\",\"investedAmount\":100,\"actualTax\":5}")))
        .containsExactly("actualTax");
    for (String m : new String[] {"started\",\"date\":\"2026-03-01", "completed\",\"date\":\"2026-06-01",
        "production\",\"date\":\"2026-08-01", "full-output\",\"date\":\"2026-10-01"}) {
      assertThat(http.post(path, "enterprise-a", "{\"milestone\":\"" + m + "\",\"investedAmount\":20000}")
          .statusCode()).isEqualTo(201);
    }
    JsonNode before = answers.json(http.get("/api/admissions/" + number, "enterprise-a"));
    assertThat(before.get("status").asText()).isEqualTo("已达产");
    assertThat(before.get("taxPerMu").get("agreed").asInt()).isEqualTo(20);
    assertThat(before.get("taxPerMu").get("actual").isNull()).isTrue();
    assertThat(answers.errorFields(http.post(path, "enterprise-a",
        "{\"milestone\":\"full-output\",\"date\":\"2026-11-20\",\"investedAmount\":20000,\"actualTax\":\"x\"}")))
        .containsExactly("actualTax");

    HttpResponse<String> res = http.post(path, "enterprise-a",
        "{\"milestone\":\"full-output\",\"date\":\"2026-11-20\",\"investedAmount\":20500,\"actualTax\":900}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode tax = answers.json(res).get("taxPerMu");
    assertThat(tax.get("actualTax").decimalValue()).isEqualByComparingTo("900");
    assertThat(tax.get("landArea").decimalValue()).isEqualByComparingTo("50");
    assertThat(tax.get("actual").decimalValue()).isEqualByComparingTo("18");
    assertThat(tax.get("shortfall").decimalValue()).isEqualByComparingTo("2");
    assertThat(jdbc.queryForObject("select count(*) from pf_case_event where case_code = ? and detail like ?",
        Integer.class, number, "%达产首年实缴税收 900 万元，亩均 18.00 万元/亩（约定 20 万元/亩，差 2.00 万元/亩）%"))
        .isEqualTo(1);
    assertThat(http.post(path, "enterprise-a",
        "{\"milestone\":\"full-output\",\"date\":\"2026-11-21\",\"investedAmount\":20500,\"actualTax\":950}")
        .statusCode()).isEqualTo(409);
  }
}
