package cn.parkflow.approval;

import cn.parkflow.identity.Authorizations;
import cn.parkflow.identity.Department;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Lets the park's intake clerks start a case from Tasklist's start form on an enterprise's behalf. */
@Component
@Order(10)
public class ProjectApprovalAuthorizations implements ApplicationRunner {
  private final Authorizations authorizations;

  public ProjectApprovalAuthorizations(Authorizations authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    String parkAdmin = Department.PARK_ADMIN.groupId();
    authorizations.grant(parkAdmin, Resources.PROCESS_DEFINITION, ProjectApprovalProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    authorizations.grant(parkAdmin, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }
}
