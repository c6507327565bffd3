package cn.parkflow.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Switches off Camunda 7's group pre-filter: before every authorization check the engine runs {@code select distinct
 * GROUP_ID_ from ACT_RU_AUTHORIZATION} (a scan of the whole table, Camunda issue 5485) only to drop the caller's
 * groups that hold no authorization at all. A ParkFlow user is in one to three groups, so the check itself is as cheap
 * with the full list, and the per-request cost no longer grows with the table. CIB seven and Operaton offer the same
 * as a setting ({@code authGroupFilterThreshold}); on Operaton this class becomes that one line of configuration
 * (docs/adr/0003-per-case-access.md).
 */
@Component
public class AuthorizationGroupPrefilterOff extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UnfilteredAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, checking with all of the caller's groups. */
  static final class UnfilteredAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
    }
  }
}
