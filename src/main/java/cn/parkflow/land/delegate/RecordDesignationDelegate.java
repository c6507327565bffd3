package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录宗地: the case is keyed by its parcel code from now on and moves on as the quota says. */
@Component
public class RecordDesignationDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public RecordDesignationDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = service.designated(Long.parseLong(LAND_CASE.require(execution)), execution.getProcessInstanceId());
    CASE_CODE.set(execution, code);
    execution.setProcessBusinessKey(code);
  }
}
