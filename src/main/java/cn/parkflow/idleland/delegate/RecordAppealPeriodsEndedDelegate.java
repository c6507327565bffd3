package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 复议、诉讼期限届满: neither appeal nor compliance; enforcement is to be applied for. */
@Component
public class RecordAppealPeriodsEndedDelegate implements JavaDelegate {
  private final IdleLandService service;

  public RecordAppealPeriodsEndedDelegate(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.appealPeriodsEnded(PARCEL_CODE.require(execution));
  }
}
