package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Per-case grants do not pile up (docs/adr/0003-per-case-access.md): the runtime grant goes when the case ends, the
 * history grant carries the removal time that history cleanup uses, and the department still reads the finished
 * case's history.
 */
@IntegrationTest
class CaseAccessGrantsTest {
  static final String MODEL = AuthorizationTest.MODEL.replace("authz-test", "case-access-test")
      .replace("definitions_authzTest", "definitions_caseAccessTest");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void deploy(@Autowired RepositoryService repositoryService) {
    repositoryService.createDeployment().name("case-access-test").addString("case-access-test.bpmn", MODEL.strip())
        .deploy();
  }

  private List<Authorization> grants(Resources resource, String instanceId) {
    return authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(instanceId).list();
  }

  @Test
  void theRuntimeGrantGoesWhenTheCaseEndsAndTheHistoryGrantWaitsForHistoryCleanup() throws Exception {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("case-access-test",
        "ACCESS-" + UUID.randomUUID());
    String id = instance.getId();
    assertThat(grants(Resources.PROCESS_INSTANCE, id)).extracting(Authorization::getGroupId)
        .containsExactlyInAnyOrder("drc", "natural-resources");

    List<String> taskIds = taskService.createTaskQuery().processInstanceId(id).list().stream()
        .map(t -> t.getId()).toList();
    taskIds.forEach(t -> taskService.complete(t, java.util.Map.of("decision", "approve")));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(grants(Resources.PROCESS_INSTANCE, id)).isEmpty();
    List<Authorization> history = grants(Resources.HISTORIC_PROCESS_INSTANCE, id);
    assertThat(history).extracting(Authorization::getGroupId).containsExactlyInAnyOrder("drc", "natural-resources");
    assertThat(history).allSatisfy(a -> assertThat(a.getRemovalTime()).isNotNull());
    // the engine's own grants on the historic tasks are tied to the case's history in the same way
    List<Authorization> taskHistory = taskIds.stream().flatMap(t -> grants(Resources.HISTORIC_TASK, t).stream())
        .toList();
    assertThat(taskHistory).extracting(Authorization::getGroupId).contains("drc", "natural-resources");
    assertThat(taskHistory).allSatisfy(a -> assertThat(a.getRemovalTime()).isNotNull());

    Http http = new Http(port);
    String h = "/engine-rest/history/process-instance?processInstanceId=" + id;
    assertThat(mapper.readTree(http.get(h, "drc-clerk").body())).hasSize(1);
    assertThat(mapper.readTree(http.get(h, "finance-clerk").body())).isEmpty();
  }

  @Test
  void aCancelledCaseLosesItsRuntimeGrantsToo() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("case-access-test",
        "ACCESS-" + UUID.randomUUID());
    runtimeService.deleteProcessInstance(instance.getId(), "撤回");
    assertThat(grants(Resources.PROCESS_INSTANCE, instance.getId())).isEmpty();
  }

  @Test
  void theEngineChecksWithAllOfTheCallersGroupsWithoutScanningTheAuthorizationTable(
      @Autowired ProcessEngineConfiguration configuration) {
    var factory = ((ProcessEngineConfigurationImpl) configuration).getSessionFactories()
        .get(AuthorizationManager.class);
    AuthorizationManager manager = (AuthorizationManager) factory.openSession();
    assertThat(manager.filterAuthenticatedGroupIds(List.of("drc", "a-group-with-no-grants")))
        .containsExactly("drc", "a-group-with-no-grants");
  }

  /** ParkFlow only grants, so the engine skips its per-check look for revokes ({@code authorizationCheckRevokes}). */
  @Test
  void theEngineDoesNotLookForRevokesBeforeEachCheck(@Autowired ProcessEngineConfiguration configuration) {
    assertThat(((ProcessEngineConfigurationImpl) configuration).getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(authorizationService.createAuthorizationQuery().list())
        .noneMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE);
  }
}
