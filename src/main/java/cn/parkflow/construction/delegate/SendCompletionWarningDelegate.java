package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 竣工提示: the warning before the agreed completion, to the holder and park-admin, once. */
@Component
public class SendCompletionWarningDelegate implements JavaDelegate {
  private final ConstructionService service;

  public SendCompletionWarningDelegate(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.completionWarning(PARCEL_CODE.require(execution));
  }
}
