package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 送达决定书: the approved fee or recovery decision goes to the holder with the rights to appeal. */
@Component
public class IssueDecisionDelegate implements JavaDelegate {
  private final IdleLandService service;

  public IssueDecisionDelegate(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueDecision(PARCEL_CODE.require(execution), execution.getActivityInstanceId()));
  }
}
