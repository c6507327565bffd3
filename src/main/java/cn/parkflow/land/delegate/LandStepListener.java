package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyProcess.Elements;
import cn.parkflow.land.LandSupplyService;
import cn.parkflow.land.LandRules;
import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The completion of each user task of {@code land-supply}: reads the step's values and calls its use case, which
 * refuses wrong values (the task stays open) or records them. One listener for the model's steps, one line each.
 */
@Component
public class LandStepListener implements TaskListener {
  private final LandSupplyService service;

  public LandStepListener(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = Long.parseLong(LAND_CASE.require(task));
    String pid = task.getProcessInstanceId();
    switch (task.getTaskDefinitionKey()) {
      case Elements.DESIGNATE_PARCEL -> service.designationChecked(id, values(task, PARCEL), QUOTA.get(task));
      case Elements.PREPARE_REQUISITION -> service.requisitionPrepared(id, values(task, REQUISITION));
      case Elements.APPROVE_REQUISITION -> service.requisitionDecided(id, pid, DECISION.get(task), OPINION.get(task));
      case Elements.RECORD_REQUISITION_APPROVAL -> service.requisitionApproved(id, pid,
          values(task, REQUISITION_APPROVAL));
      case Elements.SET_PLANNING_CONDITIONS -> MINIMUM_PRICE_TEXT.set(task.getExecution(),
          service.planningSet(id, values(task, PLANNING)));
      case Elements.SET_RESERVE_PRICE -> service.reservePriceSet(id, values(task, RESERVE));
      case Elements.APPROVE_SUPPLY_PLAN -> service.supplyPlanDecided(id, DECISION.get(task));
      case Elements.RECORD_LISTING_RESULT -> RELIST.set(task.getExecution(),
          service.listingResult(id, pid, values(task, LISTING_RESULT), task.getId()));
      case Elements.SIGN_CONTRACT -> service.contractSigned(id, pid, values(task, CONTRACT));
      case Elements.CONFIRM_PAYMENT -> service.paymentConfirmed(id, Integer.parseInt(PAYMENT_SEQ.require(task)), pid,
          values(task, PAYMENT));
      case Elements.DECIDE_RESCISSION -> service.rescissionDecided(id, Integer.parseInt(PAYMENT_SEQ.require(task)),
          pid, DECISION.get(task), OPINION.get(task), DECISION.get(task) != null && "extend".equals(DECISION.get(task))
              ? LandRules.date(NEW_DUE_DATE.get(task), "newDueDate", "宽限后的缴纳期限", new FieldErrors()) : null);
      case Elements.HAND_OVER_LAND -> service.handedOver(id, pid, ACTUAL_HAND_OVER.get(task));
      case Elements.REGISTER_TITLE -> service.titleRegistered(id, pid, TITLE_NUMBER.get(task));
      default -> throw new IllegalStateException("land-supply has no step " + task.getTaskDefinitionKey());
    }
  }

  private static Map<String, Object> values(DelegateTask task, List<Variable<Object>> fields) {
    Map<String, Object> values = new HashMap<>();
    fields.forEach(v -> values.put(v.name(), v.get(task)));
    return values;
  }
}
