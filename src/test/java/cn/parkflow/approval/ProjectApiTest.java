package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/projects}: applying, following, supplementing and withdrawing, with bad input and other enterprises. */
@IntegrationTest
class ProjectApiTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired ProjectCases cases;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private ObjectNode application() {
    ObjectNode a = mapper.createObjectNode();
    a.put("enterpriseName", "赣江新材料有限公司");
    a.put("creditCode", ProjectCases.CREDIT_CODE_A);
    a.put("projectName", "电子元器件生产线 " + UUID.randomUUID().toString().substring(0, 8));
    a.put("industryCode", "39");
    a.put("location", "进贤县经济开发区光明路 8 号");
    a.put("totalInvestment", 12000.5);
    a.put("fixedAssetInvestment", 9000);
    a.put("landArea", 30);
    a.put("annualEnergyTce", 300);
    a.put("hazardousChemicals", false);
    a.put("expectedAnnualTax", 600);
    a.put("contactEmail", "apply@ganjiang.example.com");
    a.put("constructionScaleAndContent", "新建厂房 1.2 万平方米，购置贴片生产线 4 条");
    a.put("industrialPolicyDeclaration", true);
    a.put("annualElectricityKwh", 80);
    return a;
  }

  private JsonNode json(HttpResponse<String> res) {
    try {
      return mapper.readTree(res.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }

  /** The answer read with its decimals as sent (a plain {@link #json} reads them as double). */
  private JsonNode exactJson(HttpResponse<String> res) {
    try {
      return mapper.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readTree(res.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }

  private List<String> errorFields(HttpResponse<String> res) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    List<String> fields = json(res).get("errors").findValuesAsText("field");
    json(res).get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank()
        .matches(".*\\p{IsHan}.*"));
    return fields;
  }

  private String apply() {
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", application().toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return json(res).get("projectCode").asText();
  }

  private long projectsNamed(String name) {
    return jdbc.queryForObject("select count(*) from pf_project where project_name = ?", Long.class, name);
  }

  @Test
  @DisplayName("an enterprise applies: 201, Location, the case with status 受理中 and the intake review open")
  void applyCreatesCase() {
    ObjectNode body = application();
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode c = json(res);
    String code = c.get("projectCode").asText();
    assertThat(code).hasSize(24).matches("\\d{4}-360124-\\d{2}-\\d{2}-\\d{5}[0-9X]").matches(ProjectCodes::isValid);
    assertThat(res.headers().firstValue("Location")).hasValue("/api/projects/" + code);
    assertThat(c.get("status").asText()).isEqualTo("受理中");
    assertThat(c.get("stage").asText()).isEqualTo("受理审查");
    assertThat(c.get("application").get("projectName").asText()).isEqualTo(body.get("projectName").asText());
    assertThat(c.get("application").get("totalInvestment").toString()).isEqualTo("12000.5");
    assertThat(c.get("application").get("fixedAssetInvestment").toString()).isEqualTo("9000");
    JsonNode step = c.get("openSteps").get(0);
    assertThat(step.get("name").asText()).isEqualTo("受理审查");
    assertThat(step.get("department").asText()).isEqualTo("park-admin");
    assertThat(step.get("departmentName").asText()).isEqualTo("园区管委会");
    assertThat(step.get("light").asText()).isEqualTo("green");
    assertThat(step.get("due").asText()).isNotBlank();
    assertThat(step.get("taskId").asText()).isNotBlank();
    assertThat(c.get("finishedSteps")).isEmpty();

    JsonNode got = json(http.get("/api/projects/" + code, "enterprise-a"));
    assertThat(got.get("projectCode").asText()).isEqualTo(code);
    assertThat(json(http.get("/api/projects", "enterprise-a")).findValuesAsText("projectCode")).contains(code);
    assertThat(json(http.get("/api/projects", "enterprise-b")).findValuesAsText("projectCode")).doesNotContain(code);
  }

  @Test
  @DisplayName("an 18-digit amount the rules allow is stored and answered exactly (no double on the way)")
  void eighteenDigitNumbersStayExact() {
    String exact = "987654321098.765432";
    ObjectNode body = application();
    body.put("annualEnergyTce", new java.math.BigDecimal(exact));
    body.put("expectedAnnualTax", new java.math.BigDecimal("123456789012.345678"));
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    String code = json(res).get("projectCode").asText();

    JsonNode got = exactJson(http.get("/api/projects/" + code, "enterprise-a"));
    assertThat(got.get("application").get("annualEnergyTce").toString()).isEqualTo(exact);
    assertThat(got.get("application").get("expectedAnnualTax").toString()).isEqualTo("123456789012.345678");
    assertThat(jdbc.queryForObject("select annual_energy_tce::text from pf_project where project_code = ?",
        String.class, code)).isEqualTo(exact);
    assertThat(jdbc.queryForObject("select expected_annual_tax::text from pf_project where project_code = ?",
        String.class, code)).isEqualTo("123456789012.345678");
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("enterpriseName", "\"赣\""),
        Arguments.of("enterpriseName", "123"),
        Arguments.of("creditCode", "\"91360124MA39PFL7X\""),
        Arguments.of("projectName", "\"" + "项".repeat(101) + "\""),
        Arguments.of("industryCode", "\"98\""),
        Arguments.of("industryCode", "\"3\""),
        Arguments.of("location", "\" \""),
        Arguments.of("totalInvestment", "0"),
        Arguments.of("totalInvestment", "10000001"),
        Arguments.of("totalInvestment", "\"5000\""),
        Arguments.of("fixedAssetInvestment", "13000"),
        Arguments.of("fixedAssetInvestment", "-1"),
        Arguments.of("landArea", "-0.5"),
        Arguments.of("annualEnergyTce", "-1"),
        Arguments.of("hazardousChemicals", "\"否\""),
        Arguments.of("hazardousChemicals", "null"),
        Arguments.of("expectedAnnualTax", "-10"),
        Arguments.of("contactEmail", "\"not-an-address\""),
        Arguments.of("constructionScaleAndContent", "\" \""),
        Arguments.of("constructionScaleAndContent", "null"),
        Arguments.of("constructionScaleAndContent", "\"" + "建".repeat(2001) + "\""),
        Arguments.of("constructionScaleAndContent", "5"),
        Arguments.of("industrialPolicyDeclaration", "false"),
        Arguments.of("industrialPolicyDeclaration", "\"true\""),
        Arguments.of("industrialPolicyDeclaration", "null"),
        Arguments.of("annualElectricityKwh", "-0.1"),
        Arguments.of("annualElectricityKwh", "\"500\""),
        Arguments.of("annualElectricityKwh", "1.1234567"),
        Arguments.of("annualElectricityKwh", "null"));
  }

  @Test
  @DisplayName("issue 9 item 11: with the default local project codes an application cannot bring its own code")
  void localCodesRefuseAProjectCodeField() {
    ObjectNode body = application();
    body.put("projectCode", "2026-360124-00-03-012345");
    assertThat(errorFields(http.post("/api/projects", "enterprise-a", body.toString()))).containsExactly("projectCode");
  }

  @Test
  @DisplayName("issue 9 item 8: the new facts all wrong or missing at once are listed together; valid ones are kept"
      + " exactly and shown in the case view")
  void newFactsTogether() throws Exception {
    ObjectNode body = application();
    body.remove("constructionScaleAndContent");
    body.put("industrialPolicyDeclaration", false);
    body.put("annualElectricityKwh", -5);
    assertThat(errorFields(http.post("/api/projects", "enterprise-a", body.toString())))
        .containsExactlyInAnyOrder("constructionScaleAndContent", "industrialPolicyDeclaration", "annualElectricityKwh");
    ObjectNode none = application();
    none.remove("constructionScaleAndContent");
    none.remove("industrialPolicyDeclaration");
    none.remove("annualElectricityKwh");
    assertThat(errorFields(http.post("/api/projects", "enterprise-a", none.toString())))
        .containsExactlyInAnyOrder("constructionScaleAndContent", "industrialPolicyDeclaration", "annualElectricityKwh");
    assertThat(projectsNamed(body.get("projectName").asText())).isZero();

    ObjectNode fine = application();
    fine.set("annualElectricityKwh", mapper.readTree("499.999999"));
    HttpResponse<String> created = http.post("/api/projects", "enterprise-a", fine.toString());
    assertThat(created.statusCode()).isEqualTo(201);
    String code = json(created).get("projectCode").asText();
    JsonNode got = json(http.get("/api/projects/" + code, "enterprise-a")).get("application");
    assertThat(got.get("annualElectricityKwh").toString()).isEqualTo("499.999999");
    assertThat(got.get("industrialPolicyDeclaration").asBoolean()).isTrue();
    assertThat(got.get("constructionScaleAndContent").asText()).contains("贴片生产线");
    assertThat(jdbc.queryForObject("select annual_electricity_kwh::text from pf_project where project_code = ?",
        String.class, code)).isEqualTo("499.999999");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badFields")
  @DisplayName("each field wrong on its own is reported, with nothing started")
  void eachFieldWrongOnItsOwn(String field, String value) throws Exception {
    ObjectNode body = application();
    body.set(field, mapper.readTree(value));
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(errorFields(res)).containsExactly(field);
    assertThat(projectsNamed(body.get("projectName").asText())).isZero();
  }

  @Test
  @DisplayName("several wrong fields, a missing one, an unknown one and wrong types are listed together")
  void severalErrorsListedAtOnce() {
    ObjectNode body = application();
    body.put("totalInvestment", "很多");
    body.put("hazardousChemicals", "yes");
    body.put("industryCode", "ABC");
    body.remove("contactEmail");
    body.put("budgetCode", "X-1");
    body.put("landArea", -3);
    List<String> fields = errorFields(http.post("/api/projects", "enterprise-a", body.toString()));
    assertThat(fields).containsExactlyInAnyOrder("budgetCode", "industryCode", "totalInvestment", "landArea",
        "hazardousChemicals", "contactEmail");
    assertThat(projectsNamed(body.get("projectName").asText())).isZero();
  }

  @Test
  @DisplayName("a body that is not an object is refused as a whole")
  void notAnObject() {
    assertThat(errorFields(http.post("/api/projects", "enterprise-a", "[1, 2]"))).containsExactly("$");
  }

  @Test
  @DisplayName("a credit code with a wrong check character is refused")
  void badCheckCharacter() {
    ObjectNode body = application();
    body.put("creditCode", "91360124MA39PFL7XD");
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(errorFields(res)).containsExactly("creditCode");
    assertThat(res.body()).contains("校验位");
  }

  @Test
  @DisplayName("another enterprise's credit code is refused; another enterprise's case answers 404")
  void otherEnterprise() {
    ObjectNode body = application();
    body.put("creditCode", ProjectCases.CREDIT_CODE_B);
    HttpResponse<String> res = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(errorFields(res)).containsExactly("creditCode");
    assertThat(res.body()).contains("本企业");

    String code = apply();
    assertThat(http.get("/api/projects/" + code, "enterprise-b").statusCode()).isEqualTo(404);
    assertThat(http.post("/api/projects/" + code + "/withdrawal", "enterprise-b", "{\"reason\":\"不是我的\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.post("/api/projects/" + code + "/supplement", "enterprise-b", "{\"note\":\"不是我的\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/projects/2026-360124-00-03-00000X", "enterprise-a").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/projects/" + code, "park-admin-clerk").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("only enterprise accounts apply through the API")
  void staffCannotApply() {
    assertThat(http.post("/api/projects", "drc-clerk", application().toString()).statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("the same Idempotency-Key twice: the first answer, one case")
  void idempotencyKey() {
    ObjectNode body = application();
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = http.post("/api/projects", "enterprise-a", body.toString(), key);
    HttpResponse<String> second = http.post("/api/projects", "enterprise-a", body.toString(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(json(second).get("projectCode").asText()).isEqualTo(json(first).get("projectCode").asText());
    assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(projectsNamed(body.get("projectName").asText())).isEqualTo(1);

    ObjectNode other = application();
    assertThat(http.post("/api/projects", "enterprise-a", other.toString(), key).statusCode()).isEqualTo(409);
    HttpResponse<String> otherUser = http.post("/api/projects", "enterprise-b",
        application().put("creditCode", ProjectCases.CREDIT_CODE_B).toString(), key);
    assertThat(otherUser.statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("Idempotency-Key records are forgotten after their retention; a fresh key is kept")
  void idempotencyKeysAreForgottenAfterTheirRetention(@Autowired cn.parkflow.web.Idempotency idempotency) {
    String oldKey = UUID.randomUUID().toString();
    String freshKey = UUID.randomUUID().toString();
    assertThat(http.post("/api/projects", "enterprise-a", application().toString(), oldKey).statusCode())
        .isEqualTo(201);
    jdbc.update("update pf_idempotency set created_at = now() - interval '8 days' where idempotency_key = ?", oldKey);
    assertThat(http.post("/api/projects", "enterprise-a", application().toString(), freshKey).statusCode())
        .isEqualTo(201);

    assertThat(idempotency.forgetOlderThan(java.time.Duration.ofDays(7), java.time.Instant.now())).isPositive();
    String count = "select count(*) from pf_idempotency where idempotency_key = ?";
    assertThat(jdbc.queryForObject(count, Long.class, oldKey)).isZero();
    assertThat(jdbc.queryForObject(count, Long.class, freshKey)).isEqualTo(1);
  }

  @Test
  @DisplayName("supplement and withdrawal in the wrong state answer 409 with a clear message")
  void wrongStateConflicts() {
    String code = apply();
    HttpResponse<String> early = http.post("/api/projects/" + code + "/supplement", "enterprise-a",
        "{\"note\":\"主动补充材料\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(json(early).get("detail").asText()).contains("没有需要补正的事项");

    cases.refuseIntake(cases.task(code, Elements.INTAKE_REVIEW), "所报事项依法无需许可。", "not-licensing-matter",
        null);
    HttpResponse<String> late = http.post("/api/projects/" + code + "/withdrawal", "enterprise-a",
        "{\"reason\":\"撤回申请\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(json(late).get("detail").asText()).contains("已办结", "不予受理");
  }

  @Test
  @DisplayName("supplement through the API: changes checked by the same rules, then the intake review opens again")
  void supplementThroughApi() {
    String code = apply();
    cases.complete(cases.task(code, Elements.INTAKE_REVIEW), "return", "用地面积有误。", "更正后的用地面积");
    cases.executeJobs(code);
    JsonNode waiting = json(http.get("/api/projects/" + code, "enterprise-a"));
    assertThat(waiting.get("status").asText()).isEqualTo("补正中");
    assertThat(waiting.get("pendingSupplements")).hasSize(1);

    HttpResponse<String> bad = http.post("/api/projects/" + code + "/supplement", "enterprise-a",
        "{\"note\":\"更正\",\"changes\":{\"landArea\":-1,\"colour\":\"red\"},\"extra\":1}");
    assertThat(errorFields(bad)).containsExactlyInAnyOrder("extra", "changes.landArea", "changes.colour");

    HttpResponse<String> ok = http.post("/api/projects/" + code + "/supplement", "enterprise-a",
        "{\"note\":\"已更正用地面积\",\"changes\":{\"landArea\":25.5}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode c = json(ok);
    assertThat(c.get("status").asText()).isEqualTo("受理中");
    assertThat(c.get("application").get("landArea").decimalValue()).isEqualByComparingTo("25.5");
    assertThat(c.get("openSteps").findValuesAsText("name")).containsExactly("受理审查");
    assertThat(c.get("finishedSteps").get(0).get("decision").asText()).isEqualTo("return");
    assertThat(c.get("finishedSteps").get(0).get("decisionLabel").asText()).isEqualTo("退回补正");
    assertThat(c.get("finishedSteps").get(0).get("departmentName").asText()).isEqualTo("园区管委会");
    assertThat(cases.variable(code, "landArea")).isEqualTo(25.5);
  }

  @Test
  @DisplayName("staff read a case as in Cockpit: intake window and supervisors always, a department once it has a task")
  void staffSeeOnlyTheCasesTheirDepartmentWorksOn() {
    String code = apply();
    assertThat(http.get("/api/projects/" + code, "park-admin-clerk").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/projects/" + code, "supervisor").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/projects/" + code, "natural-resources-clerk").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/projects", "natural-resources-clerk").body()).doesNotContain(code);
    assertThat(http.get("/api/projects", "supervisor").body()).contains(code);

    cases.complete(cases.task(code, Elements.INTAKE_REVIEW), "approve", null, null);
    cases.executeJobs(code);
    // landArea > 0: the natural-resources bureau now has a land pre-review task in this case
    assertThat(http.get("/api/projects/" + code, "natural-resources-clerk").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/projects", "natural-resources-clerk").body()).contains(code);
    assertThat(http.get("/api/projects/" + code, "finance-clerk").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/projects", "finance-clerk").body()).doesNotContain(code);
  }

  @Test
  @DisplayName("case lists are paged: limit and offset, bad values named")
  void caseListsArePaged() {
    String older = apply();
    String newer = apply();
    JsonNode first = json(http.get("/api/projects?limit=1", "enterprise-a"));
    assertThat(first).hasSize(1);
    assertThat(first.get(0).get("projectCode").asText()).isEqualTo(newer);
    JsonNode second = json(http.get("/api/projects?limit=1&offset=1", "enterprise-a"));
    assertThat(second.get(0).get("projectCode").asText()).isEqualTo(older);
    assertThat(errorFields(http.get("/api/projects?limit=0&offset=-1", "enterprise-a")))
        .containsExactlyInAnyOrder("limit", "offset");
    assertThat(json(http.get("/api/projects?limit=1", "supervisor"))).hasSize(1);
  }

  @Test
  @DisplayName("withdrawal through the API: 200 with the case 已撤回")
  void withdrawalThroughApi() {
    String code = apply();
    assertThat(errorFields(http.post("/api/projects/" + code + "/withdrawal", "enterprise-a", "{}")))
        .containsExactly("reason");
    HttpResponse<String> res = http.post("/api/projects/" + code + "/withdrawal", "enterprise-a",
        "{\"reason\":\"企业投资计划调整\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(json(res).get("status").asText()).isEqualTo("已撤回");
    assertThat(json(res).get("openSteps")).isEmpty();
    assertThat(json(res).get("withdrawalReason").asText()).isEqualTo("企业投资计划调整");
  }
}
