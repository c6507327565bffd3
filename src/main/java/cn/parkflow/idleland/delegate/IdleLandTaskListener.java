package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A task of the case was completed: its form's values move the case; the variables the model reads next are set. */
@Component
public class IdleLandTaskListener implements TaskListener {
  private final IdleLandService service;

  public IdleLandTaskListener(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariables(service.taskCompleted(PARCEL_CODE.require(task), task.getTaskDefinitionKey(),
        task.getName(), task.getVariablesLocal(), task.getId()));
  }
}
