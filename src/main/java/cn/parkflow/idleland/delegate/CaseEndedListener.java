package cn.parkflow.idleland.delegate;


import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The process ended: the case is closed. */
@Component
public class CaseEndedListener implements ExecutionListener {
  private final IdleLandService service;

  public CaseEndedListener(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.ended(execution.getProcessInstanceId());
  }
}
