package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 待缴价款: the next unpaid payment and its timers, or none (all paid: the land is handed over). */
@Component
public class OpenPaymentDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public OpenPaymentDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(LAND_CASE.require(execution));
    LandSupplyService.PaymentWindow w = service.openPayment(id);
    ALL_PAID.set(execution, w == null);
    if (w == null) {
      HAND_OVER_DUE.set(execution, service.handOverDue(id));
    } else {
      PAYMENT_SEQ.set(execution, Integer.toString(w.seq()));
      PAYMENT_DUE.set(execution, w.due());
      PAYMENT_REMINDER_AT.set(execution, w.reminderAt());
      PAYMENT_OVERDUE_AT.set(execution, w.overdueAt());
      RESCISSION_AT.set(execution, w.rescissionAt());
      PAYMENT_TEXT.set(execution, w.text());
    }
  }
}
