package cn.parkflow.identity;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A department may read a case (in Cockpit, and its history) once one of its tasks is created in it; the task itself
 * is made visible to the candidate group by the engine's own default authorizations.
 */
@Component
public class CaseAccessListener {
  private final Authorizations authorizations;

  public CaseAccessListener(Authorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void onTaskCreated(DelegateTask task) {
    String instanceId = task.getProcessInstanceId();
    if (instanceId == null) {
      return;
    }
    task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .forEach(link -> {
          authorizations.grant(link.getGroupId(), Resources.PROCESS_INSTANCE, instanceId, ProcessInstancePermissions.READ);
          authorizations.grant(link.getGroupId(), Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
              HistoricProcessInstancePermissions.READ);
        });
  }
}
