package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开工提示: the warning before the agreed start, to the holder and park-admin, once. */
@Component
public class SendStartWarningDelegate implements JavaDelegate {
  private final ConstructionService service;

  public SendStartWarningDelegate(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.startWarning(PARCEL_CODE.require(execution));
  }
}
