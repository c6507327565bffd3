package cn.parkflow.caseview;

import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.Light;
import cn.parkflow.identity.Department;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open steps of a case as every slice's case view shows them: each open task, oldest first, with the department
 * that works it, its due date and its light.
 */
@Component
public class OpenSteps {
  private final TaskService taskService;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public OpenSteps(TaskService taskService, Deadlines deadlines, EngineClock clock) {
    this.taskService = taskService;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * One open step: the task, the department that works it (group id and Chinese name), its due date and light;
   * {@code paused} while its clock stands still (行政许可法 Art. 45), when the light is the one it had at the pause.
   */
  public record OpenStep(String taskId, String name, String department, String departmentName, OffsetDateTime due,
      String light, boolean paused) {}

  public List<OpenStep> of(String processInstanceId) {
    Instant now = clock.now();
    Set<String> paused = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskVariableValueEquals(CaseVariables.CLOCK_PAUSED.name(), true).list().stream().map(Task::getId)
        .collect(Collectors.toSet());
    return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list()
        .stream().map(t -> {
          String group = taskService.getIdentityLinksForTask(t.getId()).stream()
              .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
              .map(IdentityLink::getGroupId).findFirst().orElse(null);
          Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
          boolean stopped = paused.contains(t.getId());
          String light = stopped ? CaseVariables.LIGHT.getLocal(taskService, t.getId()) : null;
          return new OpenStep(t.getId(), t.getName(), group, group == null ? null : Department.nameOf(group),
              Beijing.offset(due), light != null ? light : Light.of(due, now, deadlines).value(), stopped);
        }).toList();
  }
}
