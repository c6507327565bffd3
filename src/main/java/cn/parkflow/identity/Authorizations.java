package cn.parkflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Grants group permissions idempotently: an existing grant for the same resource is widened, never duplicated. */
@Component
public class Authorizations {
  private final AuthorizationService authorizationService;

  public Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
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

  /** Removes a group's grant on one resource id entirely (nothing happens when there is none). */
  public void revoke(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (auth != null) {
      authorizationService.deleteAuthorization(auth.getId());
    }
  }
}
