package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import cn.parkflow.construction.ConstructionWatchProcess.Elements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开工提示 ({@code serviceTask_sendStartWarning}) and 竣工提示 ({@code serviceTask_sendCompletionWarning}): the warning
 * before the agreed date, to the holder and park-admin, once.
 */
@Component
public class SendWarningDelegate implements JavaDelegate {
  private final ConstructionService service;

  public SendWarningDelegate(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parcelCode = PARCEL_CODE.require(execution);
    if (Elements.SEND_START_WARNING.equals(execution.getCurrentActivityId())) {
      service.startWarning(parcelCode);
    } else {
      service.completionWarning(parcelCode);
    }
  }
}
