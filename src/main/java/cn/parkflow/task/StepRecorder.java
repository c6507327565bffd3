package cn.parkflow.task;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.variable.CaseVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every completed user task of every process to the case record ({@link CaseEvent#STEP_COMPLETED}): the step,
 * its department (candidate group), the decision, opinion and missing items, who completed it and when. The case is
 * named by the process variable {@code caseCode}; a task outside a case is not recorded. The entry joins the
 * completion's transaction, so a refused completion (see {@link DecisionTaskGuard}) leaves no trace.
 */
@Component
public class StepRecorder {
  private final CaseRecord caseRecord;
  private final IdentityService identityService;

  public StepRecorder(CaseRecord caseRecord, IdentityService identityService) {
    this.caseRecord = caseRecord;
    this.identityService = identityService;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void onComplete(DelegateTask task) {
    String caseCode = text(CaseVariables.CASE_CODE.get(task));
    if (caseCode == null || task.getProcessInstanceId() == null) {
      return;
    }
    String department = task.getCandidates().stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    Authentication auth = identityService.getCurrentAuthentication();
    String actor = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    caseRecord.add(CaseEvent.of(caseCode, processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(),
            CaseEvent.STEP_COMPLETED)
        .step(task.getTaskDefinitionKey(), task.getName(), task.getId(), department)
        .decided(text(DecisionRules.DECISION_VALUE.get(task)), text(DecisionRules.OPINION_VALUE.get(task)),
            text(DecisionRules.MISSING_ITEMS_VALUE.get(task)))
        .by(actor, null));
  }

  /** {@code project-approval:3:abc} → {@code project-approval}. */
  static String processKey(String processDefinitionId) {
    int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.isBlank() ? null : s;
  }
}
