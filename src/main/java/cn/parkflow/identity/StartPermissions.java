package cn.parkflow.identity;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may start a case from Tasklist's start form: the groups each deployed model names in
 * {@code camunda:candidateStarterGroups}, read from the models themselves, so a new process needs no code here.
 */
@Component
@Order(10)
public class StartPermissions implements ApplicationRunner {
  private final RepositoryService repositoryService;
  private final Authorizations authorizations;

  public StartPermissions(RepositoryService repositoryService, Authorizations authorizations) {
    this.repositoryService = repositoryService;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      for (String group : starterGroups(definition)) {
        authorizations.grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.READ,
            Permissions.CREATE_INSTANCE);
        authorizations.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
  }

  private Set<String> starterGroups(ProcessDefinition definition) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : repositoryService.getIdentityLinksForProcessDefinition(definition.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
