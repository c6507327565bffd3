package cn.parkflow.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one rule for "may this caller see this case", for every process, the same as in Cockpit: an enterprise sees its
 * own enterprise's cases (by credit code); the intake window (park-admin), the supervision office and administrators
 * see every case; any other department sees the cases in which it has had a task (the engine grants that when the task
 * is created, {@link CaseAccessListener}).
 */
@Component
public class CaseAccess {
  private static final Set<String> SEE_EVERY_CASE = Set.of(Department.PARK_ADMIN.groupId(),
      Department.SUPERVISION.groupId(), Department.ADMINISTRATORS.groupId());

  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final HistoryService historyService;

  public CaseAccess(AuthorizationService authorizationService, IdentityService identityService,
      HistoryService historyService) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.historyService = historyService;
  }

  public static boolean seesEveryCase(Collection<String> groups) {
    return groups.stream().anyMatch(SEE_EVERY_CASE::contains);
  }

  /**
   * @param callerCreditCode the caller's enterprise code, {@code null} for staff
   * @param caseCreditCode the enterprise the case belongs to
   */
  public boolean mayRead(String userId, List<String> groups, String callerCreditCode, String caseCreditCode,
      String processInstanceId) {
    if (callerCreditCode != null) {
      return callerCreditCode.equals(caseCreditCode);
    }
    return seesEveryCase(groups) || (processInstanceId != null && authorizationService.isUserAuthorized(userId, groups,
        HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId));
  }

  /** A page of the process instances of {@code processKey} a department may read, newest first, asked as the clerk. */
  public List<String> readableInstances(String userId, List<String> groups, String processKey, int limit,
      int offset) {
    identityService.setAuthentication(userId, groups);
    try {
      return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
          .orderByProcessInstanceStartTime().desc().listPage(offset, limit).stream()
          .map(HistoricProcessInstance::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
