package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 查控制指标: the planning form starts with the values of {@code industrial-land-indicators}. */
@Component
public class SuggestPlanningDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public SuggestPlanningDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.suggestPlanning(Long.parseLong(LAND_CASE.require(execution))).forEach(execution::setVariable);
  }
}
