package cn.parkflow.identity;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A department may read a case (in Cockpit, and its history) once one of its tasks is created in it; the task itself
 * is made visible to the candidate group by the engine's own default authorizations.
 *
 * <p>The grants stay bounded (docs/adr/0003-per-case-access.md): the runtime grant is removed when the case ends, since
 * there is no running instance left to read; the history grant gets the instance's removal time from the engine and
 * goes with the case's history at the end of {@code parkflow.history.time-to-live}.
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

  /**
   * The end of the process itself, not of one of its activities (completed, cancelled or deleted): only the process
   * instance's own activity instance has the instance's id.
   */
  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'"
      + " && #execution.activityInstanceId == #execution.processInstanceId")
  public void onCaseEnded(DelegateExecution execution) {
    authorizations.revokeAll(Resources.PROCESS_INSTANCE, execution.getProcessInstanceId());
    authorizations.tieToHistory(execution.getProcessInstanceId());
  }
}
