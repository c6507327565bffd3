package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 催缴通知 when the payment is late, with the penalty so far. */
@Component
public class SendPaymentDemandDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public SendPaymentDemandDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String seq = PAYMENT_SEQ.require(execution);
    service.paymentDemand(Long.parseLong(LAND_CASE.require(execution)), Integer.parseInt(seq),
        seq + ":" + execution.getActivityInstanceId());
  }
}
