package cn.parkflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Grants group permissions idempotently (an existing grant for the same resource is widened, never duplicated) and
 * takes every grant on one resource away again.
 */
@Component
public class Authorizations {
  private static final Object GRANTED_KEY = new Object();
  private final AuthorizationService authorizationService;

  public Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Map<String, Authorization> granted = grantedInThisTransaction();
    String key = groupId + "|" + resource.resourceType() + "|" + resourceId;
    Authorization pending = granted == null ? null : granted.get(key);
    if (pending != null) {
      // Saved earlier in this transaction, not yet flushed, so no query finds it: widen the same entity, which the
      // engine writes at the flush (two tasks for one group created in one command, e.g. two assessments by drc).
      for (Permission p : permissions) {
        pending.addPermission(p);
      }
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
    if (granted != null) {
      granted.put(key, auth);
    }
  }

  /** The grants saved in the current transaction, by group, resource type and id; null outside a transaction. */
  @SuppressWarnings("unchecked")
  private static Map<String, Authorization> grantedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Object bound = TransactionSynchronizationManager.getResource(GRANTED_KEY);
    if (bound != null) {
      return (Map<String, Authorization>) bound;
    }
    Map<String, Authorization> granted = new HashMap<>();
    TransactionSynchronizationManager.bindResource(GRANTED_KEY, granted);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(GRANTED_KEY);
      }
    });
    return granted;
  }

  /** Removes a group's grant on one resource id entirely (nothing happens when there is none). */
  public void revoke(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (auth != null) {
      authorizationService.deleteAuthorization(auth.getId());
      Map<String, Authorization> granted = grantedInThisTransaction();
      if (granted != null) {
        granted.remove(groupId + "|" + resource.resourceType() + "|" + resourceId);
      }
    }
  }

  /** Removes every authorization on the resource, whoever holds it. */
  public void revokeAll(Resource resource, String resourceId) {
    Map<String, Authorization> granted = grantedInThisTransaction();
    if (granted != null) {
      granted.keySet().removeIf(k -> k.endsWith("|" + resource.resourceType() + "|" + resourceId));
    }
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
