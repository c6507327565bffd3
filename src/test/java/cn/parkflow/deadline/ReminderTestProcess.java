package cn.parkflow.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The test-only process {@code bpmn-test/reminder-test.bpmn}: one DRC review task whose due date is the process
 * variable {@code due}, and a return ({@code decision=return}) that reopens it with the then current {@code due}.
 */
public final class ReminderTestProcess {
  public static final String KEY = "reminder-test";
  public static final String REVIEW = "userTask_review";
  public static final String REVIEW_NAME = "项目审查";
  public static final String ENTERPRISE = "赣江新材料有限公司";

  private ReminderTestProcess() {}

  /** Deploys the model once per database (later calls find the same resource and deploy nothing). */
  public static void deploy(RepositoryService repositoryService) {
    repositoryService.createDeployment().name(KEY).addClasspathResource("bpmn-test/" + KEY + ".bpmn")
        .enableDuplicateFiltering(false).deploy();
  }

  /** A case code no other test uses. */
  public static String newCaseCode() {
    return "RT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  public static ProcessInstance start(RuntimeService runtimeService, String caseCode, Instant due) {
    return runtimeService.startProcessInstanceByKey(KEY, caseCode,
        Map.of("caseCode", caseCode, "enterpriseName", ENTERPRISE, "due", Date.from(due)));
  }

  public static Task openTask(TaskService taskService, String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
