package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verified credentials and group lists are remembered only for {@code parkflow.security.credentials-cache}: a changed
 * password, a disabled account and a removed group membership take effect within that bound (moved on the engine
 * clock here, as every ParkFlow test moves time).
 */
@IntegrationTest
class CredentialsCacheTest {
  /** Camunda delays the next login of a user after a failed one (3 s after the first failure). */
  static final Duration AFTER_LOGIN_DELAY = Duration.ofSeconds(5);

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Value("${parkflow.security.credentials-cache:PT30S}") Duration bound;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;
  String user;

  @BeforeEach
  void createUser() {
    http = new Http(port);
    user = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    User u = identityService.newUser(user);
    u.setFirstName("缓存");
    u.setLastName("测试");
    u.setPassword("first-password");
    identityService.saveUser(u);
    identityService.createMembership(user, "drc");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.deleteUser(user);
  }

  private void passTime(Duration d) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
  }

  @Test
  void aChangedPasswordIsRefusedOnceTheBoundHasPassed() {
    assertThat(http.get("/api/projects", user + ":first-password").statusCode()).isEqualTo(200);
    User u = identityService.createUserQuery().userId(user).singleResult();
    u.setPassword("second-password");
    identityService.saveUser(u);

    passTime(bound.plusSeconds(1));
    assertThat(http.get("/api/projects", user + ":first-password").statusCode()).isEqualTo(401);
    passTime(AFTER_LOGIN_DELAY);
    assertThat(http.get("/api/projects", user + ":second-password").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsNeverRemembered() {
    assertThat(http.get("/api/projects", user + ":wrong").statusCode()).isEqualTo(401);
    passTime(AFTER_LOGIN_DELAY);
    assertThat(http.get("/api/projects", user + ":first-password").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/projects", user + ":wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void aUserRemovedFromItsGroupLosesTheGroupsTasksOnceTheBoundHasPassed() throws Exception {
    Task task = taskService.newTask();
    task.setName("缓存测试任务");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), "drc");
    try {
      String path = "/engine-rest/task?candidateGroup=drc&maxResults=2000";
      assertThat(mapper.readTree(http.get(path, user + ":first-password").body()).findValuesAsText("id"))
          .contains(task.getId());

      identityService.deleteMembership(user, "drc");
      passTime(bound.plusSeconds(1));

      assertThat(mapper.readTree(http.get(path, user + ":first-password").body()).findValuesAsText("id"))
          .doesNotContain(task.getId());
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }
}
