package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The announcement period is over: the listing runs (status 挂牌中). */
@Component
public class ListingStartedListener implements ExecutionListener {
  private final LandSupplyService service;

  public ListingStartedListener(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.listingStarted(Long.parseLong(LAND_CASE.require(execution)));
  }
}
