package cn.parkflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's default authorizations plus the staff directory ({@link StaffDirectory}): whenever an account joins a
 * staff group, every staff group may read that account; whenever a group other than {@code enterprise} is created,
 * every staff group may read it. Accounts created in Admin or through the engine REST API are covered the same way as
 * the demo users. {@link IdentitySetup} brings older databases to the same state on start.
 */
@Component
public class StaffDirectoryAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newGroup(Group group) {
      List<AuthorizationEntity> all = new ArrayList<>(List.of(super.newGroup(group)));
      if (StaffDirectory.isStaffGroup(group.getId())) {
        all.addAll(readForStaff(GROUP, group.getId()));
      }
      return all.toArray(new AuthorizationEntity[0]);
    }

    @Override
    public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
      if (!StaffDirectory.isStaffGroup(groupId)) {
        return null;
      }
      return readForStaff(USER, userId).toArray(new AuthorizationEntity[0]);
    }

    private List<AuthorizationEntity> readForStaff(Resource resource, String resourceId) {
      List<AuthorizationEntity> grants = new ArrayList<>();
      for (String reader : StaffDirectory.readerGroups()) {
        if (resource == GROUP && reader.equals(resourceId)) {
          continue; // the engine's default already lets a group's members read their group
        }
        AuthorizationEntity existing = getGrantAuthorizationByGroupId(reader, resource, resourceId);
        if (existing == null) {
          grants.add(createAuthorization(null, reader, resource, resourceId, READ));
        } else if (!existing.isPermissionGranted(READ)) {
          existing.addPermission(READ);
          grants.add(existing);
        }
      }
      return grants;
    }
  }
}
