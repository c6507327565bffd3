package cn.parkflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.task.DecisionRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** The open tasks of a case in scenario tests, the same for every slice's {@code <X>Cases}. */
public final class CaseTasks {
  private CaseTasks() {}

  /** The open tasks of {@code step} in the case whose process instance has the business key {@code caseKey}. */
  public static List<Task> ofBusinessKey(TaskService taskService, String caseKey, String step) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey(step).list();
  }

  /** The one open task of {@code step} among {@code tasks}; fails unless there is exactly one. */
  public static Task one(List<Task> tasks, String caseKey, String step) {
    assertThat(tasks).as("open %s of %s", step, caseKey).hasSize(1);
    return tasks.get(0);
  }

  /** The candidate groups of a task. */
  public static List<String> groups(TaskService taskService, Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).toList();
  }

  /** Completes {@code task} with {@code decision}, the {@code opinion} when not null, and {@code more} variables. */
  public static void decide(TaskService taskService, Task task, String decision, String opinion,
      Map<String, Object> more) {
    Map<String, Object> vars = new HashMap<>(more);
    vars.put(DecisionRules.DECISION, decision);
    if (opinion != null) {
      vars.put(DecisionRules.OPINION, opinion);
    }
    taskService.complete(task.getId(), vars);
  }
}
