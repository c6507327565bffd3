package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 听证申请期届满: no hearing was requested. */
@Component
public class RecordNoHearingDelegate implements JavaDelegate {
  private final IdleLandService service;

  public RecordNoHearingDelegate(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.noHearing(PARCEL_CODE.require(execution));
  }
}
