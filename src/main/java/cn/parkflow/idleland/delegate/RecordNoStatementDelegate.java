package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 陈述期届满: no statement came; the cause is determined on the facts. */
@Component
public class RecordNoStatementDelegate implements JavaDelegate {
  private final IdleLandService service;

  public RecordNoStatementDelegate(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.noStatement(PARCEL_CODE.require(execution));
  }
}
