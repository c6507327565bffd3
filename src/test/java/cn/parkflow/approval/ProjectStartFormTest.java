package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's side: a park-admin clerk starts a case from the start form (as Tasklist does, through the engine REST
 * API), the same rules refuse bad input, the forms are deployed, and a completion from Tasklist is recorded with the
 * clerk as actor.
 */
@IntegrationTest
class ProjectStartFormTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseRecord caseRecord;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /** The start form's variables as Tasklist submits them. */
  private ObjectNode formVariables(String projectName) {
    ObjectNode v = mapper.createObjectNode();
    put(v, "enterpriseName", "瑞洪电子科技有限公司", "String");
    put(v, "creditCode", ProjectCases.CREDIT_CODE_B, "String");
    put(v, "projectName", projectName, "String");
    put(v, "industryCode", "39", "String");
    put(v, "location", "进贤县经济开发区创新大道 1 号", "String");
    v.set("totalInvestment", mapper.createObjectNode().put("value", 8000).put("type", "Long"));
    v.set("fixedAssetInvestment", mapper.createObjectNode().put("value", 6500.5).put("type", "Double"));
    v.set("landArea", mapper.createObjectNode().put("value", 0).put("type", "Long"));
    v.set("annualEnergyTce", mapper.createObjectNode().put("value", 120).put("type", "Long"));
    v.set("hazardousChemicals", mapper.createObjectNode().put("value", false).put("type", "Boolean"));
    v.set("expectedAnnualTax", mapper.createObjectNode().put("value", 300).put("type", "Long"));
    put(v, "contactEmail", "office@ruihong.example.com", "String");
    put(v, "constructionScaleAndContent", "新建厂房 8000 平方米，购置电子元件生产线 2 条", "String");
    v.set("industrialPolicyDeclaration", mapper.createObjectNode().put("value", true).put("type", "Boolean"));
    put(v, "annualElectricityKwh", "95.5", "String");
    return v;
  }

  private void put(ObjectNode v, String name, String value, String type) {
    v.set(name, mapper.createObjectNode().put("value", value).put("type", type));
  }

  private HttpResponse<String> submit(String user, ObjectNode variables) {
    return http.post("/engine-rest/process-definition/key/" + ProjectApprovalProcess.KEY + "/submit-form", user,
        mapper.createObjectNode().<ObjectNode>set("variables", variables).toString());
  }

  private long projectsNamed(String name) {
    return jdbc.queryForObject("select count(*) from pf_project where project_name = ?", Long.class, name);
  }

  @Test
  @DisplayName("a park-admin clerk starts a case from the start form; it is registered with a project code")
  void clerkStartsACase() throws Exception {
    String name = "智能终端生产线 " + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> res = submit("park-admin-clerk", formVariables(name));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode instance = mapper.readTree(res.body());
    String code = instance.get("businessKey").asText();
    assertThat(ProjectCodes.isValid(code)).isTrue();
    assertThat(jdbc.queryForObject("select created_by from pf_project where project_code = ?", String.class, code))
        .isEqualTo("park-admin-clerk");
    assertThat(runtimeService.getVariables(instance.get("id").asText())).containsEntry("caseCode", code)
        .containsEntry("caseTitle", name).doesNotContainKeys("contactEmail", "location", "creditCode");

    Task intake = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(Elements.INTAKE_REVIEW).singleResult();
    HttpResponse<String> form = http.get("/engine-rest/task/" + intake.getId() + "/deployed-form",
        "park-admin-clerk");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("project-intake-review", "missingItems");

    HttpResponse<String> refused = http.post("/engine-rest/task/" + intake.getId() + "/submit-form",
        "park-admin-clerk", "{\"variables\":{\"decision\":{\"value\":\"return\",\"type\":\"String\"},"
            + "\"opinion\":{\"value\":\"缺材料\",\"type\":\"String\"}}}");
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("missingItems");
    HttpResponse<String> done = http.post("/engine-rest/task/" + intake.getId() + "/submit-form",
        "park-admin-clerk", "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(caseRecord.of(code)).filteredOn(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()))
        .filteredOn(e -> Elements.INTAKE_REVIEW.equals(e.stepKey())).singleElement()
        .satisfies(e -> {
          assertThat(e.stepKey()).isEqualTo(Elements.INTAKE_REVIEW);
          assertThat(e.actor()).isEqualTo("park-admin-clerk");
          assertThat(e.department()).isEqualTo("park-admin");
          assertThat(e.decision()).isEqualTo("approve");
        });
  }

  @Test
  @DisplayName("the start form sends its numbers as text (serializeToString): 18 digits reach pf_project exactly")
  void startFormNumbersAsTextStayExact() throws Exception {
    String name = "精确数值 " + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode v = formVariables(name);
    put(v, "annualEnergyTce", "987654321098.765432", "String");
    put(v, "totalInvestment", "8000.000001", "String");
    HttpResponse<String> res = submit("park-admin-clerk", v);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    String code = mapper.readTree(res.body()).get("businessKey").asText();
    assertThat(jdbc.queryForObject("select annual_energy_tce::text from pf_project where project_code = ?",
        String.class, code)).isEqualTo("987654321098.765432");
    assertThat(jdbc.queryForObject("select total_investment::text from pf_project where project_code = ?",
        String.class, code)).isEqualTo("8000.000001");

    ObjectNode bad = formVariables("非数字 " + UUID.randomUUID().toString().substring(0, 8));
    put(bad, "annualEnergyTce", "很多", "String");
    HttpResponse<String> refused = submit("park-admin-clerk", bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("annualEnergyTce", "必须是数字");
  }

  @Test
  @DisplayName("the start form declares its numbers as text, so a browser's double never carries them")
  void startFormNumbersAreSerializedAsText() throws Exception {
    JsonNode form = mapper.readTree(getClass().getResourceAsStream("/bpmn/forms/project-approval/project-application.form"));
    java.util.List<JsonNode> numbers = new java.util.ArrayList<>();
    form.get("components").forEach(c -> {
      if ("number".equals(c.path("type").asText())) {
        numbers.add(c);
      }
    });
    assertThat(numbers).hasSize(6).allSatisfy(c -> assertThat(c.path("serializeToString").asBoolean())
        .as(c.path("key").asText()).isTrue());
  }

  @Test
  @DisplayName("the start form's input is checked by the API's rules: nothing starts, every field is named")
  void badStartFormInputStartsNothing() {
    String name = "坏数据 " + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode v = formVariables(name);
    put(v, "creditCode", "91360124MA3AQ0KD28", "String");
    v.set("fixedAssetInvestment", mapper.createObjectNode().put("value", 9000).put("type", "Long"));
    put(v, "industryCode", "99", "String");
    HttpResponse<String> res = submit("park-admin-clerk", v);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("creditCode", "fixedAssetInvestment", "industryCode", "未启动案件");
    assertThat(projectsNamed(name)).isZero();
  }

  @Test
  @DisplayName("fields a form sends empty (\"\" or null) are reported as required, like absent ones")
  void emptyFormFieldsAreRequired() throws Exception {
    String name = "空字段 " + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode v = formVariables(name);
    put(v, "industryCode", "", "String");
    put(v, "contactEmail", "  ", "String");
    v.set("landArea", mapper.createObjectNode().putNull("value"));
    HttpResponse<String> res = submit("park-admin-clerk", v);
    assertThat(res.statusCode()).isEqualTo(400);
    String message = mapper.readTree(res.body()).get("message").asText();
    assertThat(message).contains("industryCode）为必填项", "contactEmail）为必填项", "landArea）为必填项");
    assertThat(projectsNamed(name)).isZero();
  }

  @Test
  @DisplayName("a start that bypasses the REST check is refused by the engine itself: nothing starts")
  void theEngineRefusesABadStartFromTheJavaApi() {
    String name = "绕过检查 " + UUID.randomUUID().toString().substring(0, 8);
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    formVariables(name).fields().forEachRemaining(e ->
        variables.put(e.getKey(), mapper.convertValue(e.getValue().get("value"), Object.class)));
    variables.put("industryCode", "99");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            runtimeService.startProcessInstanceByKey(ProjectApprovalProcess.KEY, variables))
        .hasMessageContaining("industryCode").hasMessageContaining("未启动案件");
    assertThat(projectsNamed(name)).isZero();
  }

  @Test
  @DisplayName("the start form is deployed; only park-admin may start from Tasklist")
  void startFormAndPermission() {
    HttpResponse<String> form = http.get("/engine-rest/process-definition/key/" + ProjectApprovalProcess.KEY
        + "/deployed-start-form", "park-admin-clerk");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("project-application", "统一社会信用代码");
    String name = "无权发起 " + UUID.randomUUID().toString().substring(0, 8);
    assertThat(submit("drc-clerk", formVariables(name)).statusCode()).isEqualTo(403);
    assertThat(projectsNamed(name)).isZero();
  }
}
