package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A task of the case was completed: its form's values (the task scope's variables, mapped in by the model) move the
 * case, and the variables the model reads next are set on the case.
 */
@Component
public class IdleLandTaskListener implements TaskListener {
  private final IdleLandService service;

  public IdleLandTaskListener(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    // The engine's decision guard (task.DecisionGuardPlugin) has run before: the case never acts on a refused form.
    task.getExecution().getProcessInstance().setVariables(service.taskCompleted(PARCEL_CODE.require(task),
        task.getTaskDefinitionKey(), task.getName(), task.getExecution().getVariablesLocal(), task.getId()));
  }
}
