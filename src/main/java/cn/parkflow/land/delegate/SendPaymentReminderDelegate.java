package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 价款缴纳提示书 before the payment is due. */
@Component
public class SendPaymentReminderDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public SendPaymentReminderDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String seq = PAYMENT_SEQ.require(execution);
    service.paymentReminder(Long.parseLong(LAND_CASE.require(execution)), Integer.parseInt(seq),
        seq + ":" + execution.getActivityInstanceId());
  }
}
