package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectApprovedEvent;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.task.DecisionRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A project application that names its admission case ({@code admissionNumber}, issue 11 "Links"), with the default
 * {@code parkflow.onboarding.required-for-projects=false}: it may name one, and then only its own admitted case.
 */
@IntegrationTest
@RecordApplicationEvents
class ProjectAdmissionLinkTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired AdmissionCases cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationEvents events;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /**
   * Enterprise A's example application (docs/examples/application.json) made small: electronics (39), no new land,
   * little energy, so intake, filing and the joint decision only.
   */
  static ObjectNode project(ObjectMapper mapper) {
    try {
      ObjectNode a = (ObjectNode) mapper.readTree(Path.of("docs", "examples", "application.json").toFile());
      return a.put("projectName", "片式电容器生产线 " + UUID.randomUUID().toString().substring(0, 8))
          .put("industryCode", "39").put("totalInvestment", 3000).put("fixedAssetInvestment", 2400).put("landArea", 0)
          .put("annualEnergyTce", 100).put("annualElectricityKwh", 50);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> errorFields(ObjectMapper mapper, HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    JsonNode errors = mapper.readTree(res.body()).get("errors");
    errors.forEach(e -> assertThat(e.get("message").asText()).matches(".*\\p{IsHan}.*"));
    return errors.findValuesAsText("field");
  }

  @Test
  @DisplayName("without a number: 201, no admission; with the enterprise's admitted case: 201, both views show the link,"
      + " and the approval event carries it on to land supply")
  void withAndWithoutANumber() throws Exception {
    HttpResponse<String> none = http.post("/api/projects", "enterprise-a", project(mapper).toString());
    assertThat(none.statusCode()).as(none.body()).isEqualTo(201);
    assertThat(mapper.readTree(none.body()).get("admissionNumber").isNull()).isTrue();

    String admission = cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    // New land, so the project is approved by a joint decision (a filing alone ends 已备案 without the event).
    HttpResponse<String> linked = http.post("/api/projects", "enterprise-a",
        project(mapper).put("admissionNumber", admission).put("landArea", 10).toString());
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
    JsonNode projectCase = mapper.readTree(linked.body());
    String code = projectCase.get("projectCode").asText();
    assertThat(projectCase.get("admissionNumber").asText()).isEqualTo(admission);
    assertThat(mapper.readTree(http.get("/api/projects/" + code, "enterprise-a").body()).get("admissionNumber")
        .asText()).isEqualTo(admission);
    JsonNode projects = mapper.readTree(http.get("/api/admissions/" + admission, "enterprise-a").body())
        .get("projects");
    assertThat(projects).singleElement().satisfies(p -> {
      assertThat(p.get("projectCode").asText()).isEqualTo(code);
      assertThat(p.get("status").asText()).isEqualTo("受理中");
    });

    String pi = cases.jdbc.queryForObject("select process_instance_id from pf_project where project_code = ?",
        String.class, code);
    approveEveryStep(pi);
    assertThat(events.stream(ProjectApprovedEvent.class).filter(e -> e.projectCode().equals(code)))
        .singleElement().satisfies(e -> assertThat(e.admissionNumber()).isEqualTo(admission));
    assertThat(cases.jdbc.queryForObject("select admission_number from pf_land_case where project_code = ?",
        String.class, code)).as("the land case the approval started").isEqualTo(admission);
  }

  @Test
  @DisplayName("another enterprise's number, an unadmitted case, an unknown or misshapen number: 400 naming "
      + "admissionNumber, with the other fields' errors, nothing stored")
  void refusedNumbers() throws Exception {
    String admitted = admitted();
    String assessing = cases.apply(cases.passing());
    ObjectNode ofB = project(mapper).put("creditCode", "91360124MA3AQ0KD27").put("enterpriseName", "瑞洪电子科技有限公司");
    assertThat(errorFields(mapper, http.post("/api/projects", "enterprise-b",
        ofB.put("admissionNumber", admitted).toString()))).containsExactly("admissionNumber");
    assertThat(errorFields(mapper, http.post("/api/projects", "enterprise-a",
        project(mapper).put("admissionNumber", assessing).toString()))).containsExactly("admissionNumber");
    assertThat(errorFields(mapper, http.post("/api/projects", "enterprise-a",
        project(mapper).put("admissionNumber", "RY-1999-0000").toString()))).containsExactly("admissionNumber");
    ObjectNode both = project(mapper).put("admissionNumber", 42).put("landArea", -1);
    assertThat(errorFields(mapper, http.post("/api/projects", "enterprise-a", both.toString())))
        .containsExactlyInAnyOrder("admissionNumber", "landArea");
    assertThat(cases.jdbc.queryForObject("select count(*) from pf_project where admission_number in (?, ?)",
        Integer.class, admitted, assessing)).isZero();
  }

  @Test
  @DisplayName("the Tasklist start form carries admissionNumber: a clerk starting for the enterprise links its case; "
      + "an unadmitted one starts nothing")
  void startForm() throws Exception {
    String admitted = admitted();
    String assessing = cases.apply(cases.passing());
    HttpResponse<String> refused = submit(formVariables(assessing));
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("admissionNumber");
    HttpResponse<String> started = submit(formVariables(admitted));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String code = mapper.readTree(started.body()).get("businessKey").asText();
    assertThat(cases.jdbc.queryForObject("select admission_number from pf_project where project_code = ?",
        String.class, code)).isEqualTo(admitted);
  }

  /** An admission case of enterprise A with its agreement signed. */
  private String admitted() {
    return cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
  }

  private HttpResponse<String> submit(ObjectNode variables) {
    return http.post("/engine-rest/process-definition/key/" + ProjectApprovalProcess.KEY + "/submit-form",
        "park-admin-clerk", mapper.createObjectNode().<ObjectNode>set("variables", variables).toString());
  }

  /** The application as Tasklist's start form submits it (numbers as text). */
  private ObjectNode formVariables(String admissionNumber) {
    ObjectNode v = mapper.createObjectNode();
    project(mapper).fields().forEachRemaining(f -> v.set(f.getKey(), typed(f.getValue())));
    v.set("admissionNumber", typed(mapper.getNodeFactory().textNode(admissionNumber)));
    return v;
  }

  private ObjectNode typed(JsonNode value) {
    ObjectNode t = mapper.createObjectNode();
    if (value.isBoolean()) {
      return t.put("value", value.asBoolean()).put("type", "Boolean");
    }
    return t.put("value", value.asText()).put("type", "String");
  }

  /** Approves every open step (intake, the reviews the routing chose, the joint decision) until the case ends. */
  private void approveEveryStep(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      runJobs(processInstanceId);
      List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
      if (open.isEmpty()) {
        return;
      }
      open.forEach(t -> taskService.complete(t.getId(), Map.of(DecisionRules.DECISION, DecisionRules.APPROVE,
          DecisionRules.OPINION, "同意。")));
    }
    throw new AssertionError("project " + processInstanceId + " does not end");
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new AssertionError("jobs of " + processInstanceId + " do not settle");
  }
}
