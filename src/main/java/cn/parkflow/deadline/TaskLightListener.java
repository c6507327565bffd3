package cn.parkflow.deadline;

import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new task its light ({@code green} unless it is created already due soon or overdue), so Tasklist's
 * filters see it from the start; the {@link ReminderScan} keeps it current afterwards.
 */
@Component
public class TaskLightListener {
  private final Deadlines deadlines;
  private final EngineClock clock;

  public TaskLightListener(Deadlines deadlines, EngineClock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void onTaskCreated(DelegateTask task) {
    Light light = Light.of(task.getDueDate() == null ? null : task.getDueDate().toInstant(), clock.now(), deadlines);
    CaseVariables.LIGHT.setLocal(task, light.value());
  }
}
