package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each kind of account may see and do through the engine REST API, on a case with one task for the DRC and one
 * for the natural-resources bureau.
 */
@IntegrationTest
class AuthorizationTest {
  static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_authzTest"
          targetNamespace="http://parkflow.cn/test">
        <bpmn:process id="authz-test" name="权限测试" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start_case" name="开始"/>
          <bpmn:sequenceFlow id="flow_1" sourceRef="start_case" targetRef="gateway_fork"/>
          <bpmn:parallelGateway id="gateway_fork" name="分发"/>
          <bpmn:sequenceFlow id="flow_2" sourceRef="gateway_fork" targetRef="userTask_drcReview"/>
          <bpmn:sequenceFlow id="flow_3" sourceRef="gateway_fork" targetRef="userTask_landReview"/>
          <bpmn:userTask id="userTask_drcReview" name="发改审查" camunda:candidateGroups="drc">
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="decisions" value="approve,return,reject"/></camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:userTask id="userTask_landReview" name="用地审查" camunda:candidateGroups="natural-resources"/>
          <bpmn:sequenceFlow id="flow_4" sourceRef="userTask_drcReview" targetRef="end_drc"/>
          <bpmn:sequenceFlow id="flow_5" sourceRef="userTask_landReview" targetRef="end_land"/>
          <bpmn:endEvent id="end_drc" name="结束"/>
          <bpmn:endEvent id="end_land" name="结束"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;
  ProcessInstance instance;
  Task drcTask;
  Task landTask;

  @BeforeEach
  void startCase(@Autowired RepositoryService repositoryService) {
    http = new Http(port);
    TwoDepartmentCase started = TwoDepartmentCase.start(repositoryService, runtimeService, taskService);
    instance = started.instance();
    drcTask = started.drcTask();
    landTask = started.landTask();
  }

  JsonNode json(String path, String user) throws Exception {
    var res = http.get(path, user);
    assertThat(res.statusCode()).as(path + " as " + user).isEqualTo(200);
    return mapper.readTree(res.body());
  }

  @Test
  void aClerkSeesOnlyTheTasksOfItsOwnDepartment() throws Exception {
    JsonNode drc = json("/engine-rest/task?processInstanceId=" + instance.getId(), "drc-clerk");
    assertThat(drc).hasSize(1);
    assertThat(drc.get(0).get("id").asText()).isEqualTo(drcTask.getId());
    JsonNode land = json("/engine-rest/task?processInstanceId=" + instance.getId(), "natural-resources-clerk");
    assertThat(land).hasSize(1);
    assertThat(land.get(0).get("id").asText()).isEqualTo(landTask.getId());
    assertThat(json("/engine-rest/task?processInstanceId=" + instance.getId(), "finance-clerk")).isEmpty();
  }

  @Test
  void aClerkSeesTheCaseAndItsHistoryOnlyWhenItsDepartmentHasATaskInIt() throws Exception {
    String q = "?processInstanceIds=" + instance.getId();
    assertThat(json("/engine-rest/process-instance" + q, "drc-clerk")).hasSize(1);
    assertThat(json("/engine-rest/process-instance" + q, "finance-clerk")).isEmpty();
    String h = "/engine-rest/history/process-instance?processInstanceId=" + instance.getId();
    assertThat(json(h, "drc-clerk")).hasSize(1);
    assertThat(json(h, "finance-clerk")).isEmpty();
  }

  @Test
  void aClerkCannotCompleteAnotherDepartmentsTask() {
    var res = http.post("/engine-rest/task/" + landTask.getId() + "/complete", "drc-clerk", "{}");
    assertThat(res.statusCode()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(landTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void aClerkCompletesItsOwnTask() {
    var res = http.post("/engine-rest/task/" + landTask.getId() + "/complete", "natural-resources-clerk", "{}");
    assertThat(res.statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(landTask.getId()).count()).isZero();
  }

  @Test
  void supervisorsReadEveryTaskAndCaseButCannotCompleteOrChange() throws Exception {
    assertThat(json("/engine-rest/task?processInstanceId=" + instance.getId(), "supervisor")).hasSize(2);
    assertThat(json("/engine-rest/process-instance?processInstanceIds=" + instance.getId(), "supervisor")).hasSize(1);
    assertThat(json("/engine-rest/history/task?processInstanceId=" + instance.getId(), "supervisor")).hasSize(2);
    assertThat(http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "supervisor",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}").statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task/" + drcTask.getId() + "/claim", "supervisor",
        "{\"userId\":\"supervisor\"}").statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(drcTask.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void onlyAdministratorsDeployOrChangeUsersAndGroups() {
    String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"a\",\"lastName\":\"b\"},"
        + "\"credentials\":{\"password\":\"x\"}}";
    assertThat(http.post("/engine-rest/user/create", "drc-clerk", user).statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/user/create", "supervisor", user).statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/group/create", "drc-clerk", "{\"id\":\"rogue\",\"name\":\"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(http.delete("/engine-rest/process-instance/" + instance.getId(), "supervisor").statusCode())
        .isEqualTo(403);
    assertThat(http.delete("/engine-rest/process-instance/" + instance.getId(), "drc-clerk").statusCode())
        .isEqualTo(403);
    assertThat(http.deploy("drc-clerk", "rogue.bpmn", MODEL.strip()).statusCode()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  @Test
  void aDecisionWithoutTheRequiredFieldsIsRefusedWithTheFieldNamedAndTheTaskStaysOpen() throws Exception {
    var reject = http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "drc-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"reject\",\"type\":\"String\"}}}");
    assertThat(reject.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(reject.body()).get("message").asText()).contains("opinion").contains("必须填写意见");
    var ret = http.post("/engine-rest/task/" + drcTask.getId() + "/submit-form", "drc-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"材料不全\"}}}");
    assertThat(ret.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(ret.body()).get("message").asText()).contains("missingItems");
    var none = http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "drc-clerk", "{}");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(none.body()).get("message").asText()).contains("decision");
    assertThat(taskService.createTaskQuery().taskId(drcTask.getId()).count()).isEqualTo(1);

    var ok = http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "drc-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"不符合产业政策\"}}}");
    assertThat(ok.statusCode()).isEqualTo(204);
  }

  @Test
  void aDecisionTaskTakesItsDecisionAndNothingElse() throws Exception {
    var res = http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "drc-clerk",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"landSupplyRequired\":{\"value\":false}}}");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(res.body()).get("message").asText()).contains("landSupplyRequired");
    assertThat(taskService.createTaskQuery().taskId(drcTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void anotherDepartmentsDecisionTaskIsLeftToTheEngineToRefuse() {
    var res = http.post("/engine-rest/task/" + drcTask.getId() + "/complete", "natural-resources-clerk", "{}");
    assertThat(res.statusCode()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(drcTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void theEngineItselfRefusesABadDecisionFromTheJavaApi() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(drcTask.getId(),
            java.util.Map.of("decision", "return", "opinion", "缺材料")))
        .hasMessageContaining("missingItems");
    assertThat(taskService.createTaskQuery().taskId(drcTask.getId()).count()).isEqualTo(1);
  }
}
