package cn.parkflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Grants group permissions idempotently (an existing grant for the same resource is widened, never duplicated) and
 * takes every grant on one resource away again.
 */
@Component
public class Authorizations {
  private final AuthorizationService authorizationService;

  public Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    if (grantedInThisTransaction(groupId + "|" + resource.resourceType() + "|" + resourceId + "|"
        + Arrays.toString(Arrays.stream(permissions).mapToInt(Permission::getValue).toArray()))) {
      return;
    }
    Authorization auth = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else {
      boolean missing = false;
      for (Permission p : permissions) {
        missing |= !auth.isPermissionGranted(p);
      }
      if (!missing) {
        return;
      }
    }
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizationService.saveAuthorization(auth);
  }

  /**
   * Whether the same grant was made earlier in this transaction: the engine's query does not see a grant saved in the
   * same command, so two tasks of one department created together (e.g. 核准 and 节能审查 of the DRC in one case)
   * would insert the same authorization twice and fail the whole transaction on the unique constraint.
   */
  private static boolean grantedInThisTransaction(String key) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    @SuppressWarnings("unchecked")
    Set<String> granted = (Set<String>) TransactionSynchronizationManager.getResource(Authorizations.class);
    if (granted == null) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(Authorizations.class, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Authorizations.class);
        }
      });
      granted = fresh;
    }
    return !granted.add(key);
  }

  /** Removes a group's grant on one resource id entirely (nothing happens when there is none). */
  public void revoke(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (auth != null) {
      authorizationService.deleteAuthorization(auth.getId());
    }
  }

  /** Removes every authorization on the resource, whoever holds it. */
  public void revokeAll(Resource resource, String resourceId) {
    authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  /**
   * Saves the grants on a finished case's history again, so that the engine ties them to the instance's history (root
   * instance and removal time) and history cleanup removes them with it. A grant made in the transaction that started
   * the instance cannot be tied then: the instance's history is not in the database yet.
   */
  public void tieToHistory(String processInstanceId) {
    authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(processInstanceId).list()
        .stream().filter(a -> a.getRootProcessInstanceId() == null)
        .forEach(authorizationService::saveAuthorization);
  }
}
