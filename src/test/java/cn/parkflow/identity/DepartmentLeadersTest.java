package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contract's department leaders: a {@code <group>-leaders} group per department and a {@code <group>-leader}. */
@IntegrationTest
class DepartmentLeadersTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  @Test
  @DisplayName("every department has its leaders' group and a demo leader in it and in the department, with a Chinese"
      + " name and the contract's e-mail")
  void everyDepartmentHasLeaders() {
    assertThat(Department.taskDepartments()).isNotEmpty();
    for (Department d : Department.taskDepartments()) {
      String leaders = d.groupId() + "-leaders";
      Group group = identityService.createGroupQuery().groupId(leaders).singleResult();
      assertThat(group).as(leaders).isNotNull();
      assertThat(group.getName()).isEqualTo(d.chineseName() + "负责人");
      User leader = identityService.createUserQuery().userId(d.groupId() + "-leader").singleResult();
      assertThat(leader).as(d.groupId() + "-leader").isNotNull();
      assertThat(leader.getEmail()).isEqualTo(d.groupId() + "-leader@parkflow.local");
      assertThat(leader.getFirstName() + leader.getLastName()).matches("[\\p{IsHan}（）]+");
      assertThat(identityService.createGroupQuery().groupMember(leader.getId()).list()).extracting(Group::getId)
          .containsExactlyInAnyOrder(d.groupId(), leaders);
      // the clerk is not a leader
      assertThat(identityService.createUserQuery().userId(d.groupId() + "-clerk").memberOfGroup(leaders).count())
          .isZero();
    }
    assertThat(filterService.createFilterQuery().filterName("待负责人审批").count())
        .isEqualTo(Department.taskDepartments().size());
  }

  @Test
  @DisplayName("a leader logs in with the demo password and reads the leaders' tasks")
  void leaderLogsIn() throws Exception {
    var res = new Http(port).get("/engine-rest/task?candidateGroup=drc-leaders", "drc-leader");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
  }
}
