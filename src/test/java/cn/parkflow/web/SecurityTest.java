package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void engineRestRefusesAnonymousCallersWith401() {
    var res = http.get("/engine-rest/task", null);
    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void parkflowApiRefusesAnonymousCallersWithProblemJson() {
    var res = http.get("/api/calendar/2026", null);
    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void unknownApiPathsAndWrongMethodsAnswerProblemJsonInChinese() throws Exception {
    var missing = http.get("/api/no-such-thing", "drc-clerk");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    assertThat(missing.body()).contains("未找到");
    var wrongMethod = http.delete("/api/calendar/2026", "drc-clerk");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).contains("不支持的请求方法");
    var forbidden = http.get("/engine-rest/task", "enterprise-a");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(forbidden.body()).get("title").asText())
        .isEqualTo("无权访问");
  }

  @Test
  void departmentClerkMayQueryEngineRestWithoutPaging() {
    var res = http.get("/engine-rest/task", "drc-clerk");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).startsWith("[");
  }

  @Test
  void enterpriseAccountsGet403FromEngineRest() {
    assertThat(http.get("/engine-rest/task", "enterprise-a").statusCode()).isEqualTo(403);
    assertThat(http.get("/engine-rest/process-definition", "enterprise-b").statusCode()).isEqualTo(403);
  }

  @Test
  void enterpriseAccountsMayUseTheParkflowApi() {
    assertThat(http.get("/api/calendar/2026", "enterprise-a").statusCode()).isEqualTo(200);
  }

  @Test
  void wrongPasswordGets401() {
    // an unknown user, so Camunda's login throttling does not delay the demo users other tests log in as
    assertThat(http.get("/engine-rest/task", "nobody-here:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void loginThrottlingDelaysTheNextAttemptAfterAFailure() {
    User user = identityService.newUser("throttle-probe");
    user.setFirstName("限流");
    user.setLastName("测试");
    user.setPassword("right-password");
    identityService.saveUser(user);
    try {
      assertThat(http.get("/api/calendar/2026", "throttle-probe:wrong").statusCode()).isEqualTo(401);
      // Within the engine's login delay even the right password is refused.
      assertThat(http.get("/api/calendar/2026", "throttle-probe:right-password").statusCode()).isEqualTo(401);
    } finally {
      identityService.deleteUser("throttle-probe");
    }
  }

  @Test
  void supervisorsMayUseCockpitButNotAdmin() {
    assertThat(http.webappLogin("cockpit", "supervisor", "demo")).isEqualTo(200);
    assertThat(http.webappLogin("admin", "supervisor", "demo")).isEqualTo(403);
    assertThat(http.webappLogin("admin", "admin", "demo")).isEqualTo(200);
  }

  @Test
  void healthIsAnonymousWithoutDetails() {
    var res = http.get("/actuator/health", null);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("\"status\":\"UP\"").doesNotContain("components");
  }

  @Test
  void administratorsSeeHealthDetails() {
    var res = http.get("/actuator/health", "admin");
    assertThat(res.body()).contains("components").contains("calendar");
  }

  @Test
  void enterpriseAccountsCannotLogInToTheWebapps() {
    assertThat(http.webappLogin("tasklist", "enterprise-a", "demo")).isEqualTo(403);
    assertThat(http.webappLogin("cockpit", "enterprise-a", "demo")).isEqualTo(403);
    assertThat(http.webappLogin("tasklist", "drc-clerk", "demo")).isEqualTo(200);
  }

  @Test
  void enterpriseAccountsCannotLogInToAnyWebappEvenWelcome() {
    for (String app : java.util.List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(http.webappLogin(app, "enterprise-a", "demo")).as(app).isEqualTo(403);
      assertThat(http.webappLogin(app, "enterprise-b", "demo")).as(app).isEqualTo(403);
    }
    assertThat(http.webappLogin("welcome", "drc-clerk", "demo")).isEqualTo(200);
  }

  @Test
  void aSessionOfAnAccountThatIsNowAnEnterpriseAccountCannotReadTheEngineApi() {
    String id = "late-enterprise-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setFirstName("后来");
    user.setLastName("企业");
    user.setPassword("probe-password");
    identityService.saveUser(user);
    try {
      cn.parkflow.support.WebappSession session = new cn.parkflow.support.WebappSession(port);
      assertThat(session.login("welcome", id, "probe-password")).isEqualTo(200);
      String profile = "/camunda/api/engine/engine/default/user/" + id + "/profile";
      assertThat(session.get(profile).statusCode()).isEqualTo(200);
      identityService.createMembership(id, "enterprise");
      var refused = session.get(profile);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("企业账号");
      assertThat(session.get(profile).statusCode()).as("the session no longer holds the account").isEqualTo(401);
    } finally {
      identityService.deleteUser(id);
    }
  }
}
