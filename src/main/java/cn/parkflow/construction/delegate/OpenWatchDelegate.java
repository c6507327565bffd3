package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开始供后监管: links the instance to the parcel's watch and puts the start on record. */
@Component
public class OpenWatchDelegate implements JavaDelegate {
  private final ConstructionService service;

  public OpenWatchDelegate(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.opened(PARCEL_CODE.require(execution), execution.getProcessInstanceId());
  }
}
