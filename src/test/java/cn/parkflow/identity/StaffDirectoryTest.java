package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Staff look up staff (Tasklist's pickers, names); enterprise accounts are listed to administrators only. */
@IntegrationTest
class StaffDirectoryTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  List<String> ids(String path, String user) throws Exception {
    var res = http.get(path, user);
    assertThat(res.statusCode()).as(path + " as " + user).isEqualTo(200);
    return mapper.readTree(res.body()).findValuesAsText("id");
  }

  @Test
  @DisplayName("a clerk and a supervisor list staff but no enterprise account; an administrator lists them all")
  void staffListNoEnterpriseAccounts() throws Exception {
    for (String staff : List.of("drc-clerk", "supervisor")) {
      assertThat(ids("/engine-rest/user", staff)).as(staff)
          .contains("drc-clerk", "natural-resources-clerk", "supervisor", "admin")
          .doesNotContain("enterprise-a", "enterprise-b");
      assertThat(ids("/engine-rest/user?memberOfGroup=enterprise", staff)).isEmpty();
      assertThat(http.get("/engine-rest/user/enterprise-a/profile", staff).statusCode()).isEqualTo(404);
      assertThat(http.get("/engine-rest/user/drc-clerk/profile", staff).statusCode()).isEqualTo(200);
      assertThat(ids("/engine-rest/group", staff)).contains("drc", "supervision").doesNotContain("enterprise");
      assertThat(ids("/engine-rest/group?member=enterprise-a", staff)).isEmpty();
    }
    assertThat(ids("/engine-rest/user", "admin")).contains("enterprise-a", "enterprise-b", "drc-clerk");
    assertThat(http.get("/engine-rest/user/enterprise-a/profile", "admin").body()).contains("enterprise-a@parkflow.local");
    assertThat(ids("/engine-rest/group?member=enterprise-a", "admin")).containsExactly("enterprise");
  }

  @Test
  @DisplayName("Tasklist's engine API lists the same people to a clerk")
  void tasklistListsStaffOnly() throws Exception {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "drc-clerk", "demo")).isEqualTo(200);
    var res = tasklist.get("/camunda/api/engine/engine/default/user?firstResult=0&maxResults=500");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode users = mapper.readTree(res.body());
    assertThat(users.findValuesAsText("id")).contains("supervisor", "finance-clerk").doesNotContain("enterprise-a");
  }

  @Test
  @DisplayName("an account created later is listed to staff when it joins a department, not when it is an enterprise's")
  void laterAccountsFollowTheSameRule() throws Exception {
    String staffId = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    String enterpriseId = "ent-" + UUID.randomUUID().toString().substring(0, 8);
    create(staffId, "drc");
    create(enterpriseId, "enterprise");
    try {
      assertThat(ids("/engine-rest/user?id=" + staffId, "finance-clerk")).containsExactly(staffId);
      assertThat(ids("/engine-rest/user?id=" + enterpriseId, "finance-clerk")).isEmpty();
      assertThat(ids("/engine-rest/user?id=" + enterpriseId, "supervisor")).isEmpty();
      assertThat(ids("/engine-rest/user?id=" + enterpriseId, "admin")).containsExactly(enterpriseId);
    } finally {
      identityService.deleteUser(staffId);
      identityService.deleteUser(enterpriseId);
    }
  }

  private void create(String id, String groupId) {
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("账号");
    user.setPassword("probe-" + id);
    identityService.saveUser(user);
    identityService.createMembership(id, groupId);
  }
}
