package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A payment is late beyond the rescission period: the case's stage says the county government is to decide. */
@Component
public class RescissionOpenedListener implements ExecutionListener {
  private final LandSupplyService service;

  public RescissionOpenedListener(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.rescissionOpened(Long.parseLong(LAND_CASE.require(execution)));
  }
}
