package cn.parkflow.identity;

import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** A case of {@link AuthorizationTest#MODEL} with one open task for the DRC and one for the natural-resources bureau. */
record TwoDepartmentCase(ProcessInstance instance, Task drcTask, Task landTask) {

  static TwoDepartmentCase start(RepositoryService repositoryService, RuntimeService runtimeService,
      TaskService taskService) {
    repositoryService.createDeployment().name("authz-test").enableDuplicateFiltering(true)
        .addString("authz-test.bpmn", AuthorizationTest.MODEL.strip()).deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("authz-test", "AUTHZ-" + UUID.randomUUID());
    return new TwoDepartmentCase(instance,
        taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("userTask_drcReview")
            .singleResult(),
        taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("userTask_landReview")
            .singleResult());
  }
}
