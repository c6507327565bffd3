package cn.parkflow.account;

import static cn.parkflow.account.AccountFixtures.errorFields;
import static cn.parkflow.account.AccountFixtures.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code /api/admin/enterprise-accounts}: administrators list, create, disable, enable and re-bind enterprise accounts;
 * a disabled account logs in nowhere (at once on this node, within the credentials cache's bound on others).
 */
@IntegrationTest
class EnterpriseAccountApiTest extends AccountHttpTest {
  static final String PATH = "/api/admin/enterprise-accounts";
  static final String CHOSEN = "Chosen2027pass";

  @Autowired IdentityService identityService;
  @Value("${parkflow.security.credentials-cache:PT30S}") Duration bound;

  private long users(String login) {
    return identityService.createUserQuery().userId(login).count();
  }

  /** Creates an account as the administrator and lets it choose its own password; answers its login. */
  private String created(ObjectNode body) {
    HttpResponse<String> res = http.post(PATH, "admin", body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    String login = body.get("login").asText();
    String initial = AccountFixtures.initialPassword(jdbc, login);
    assertThat(http.post("/api/account/password", login + ":" + initial, "{\"newPassword\":\"" + CHOSEN + "\"}")
        .statusCode()).isEqualTo(200);
    return login;
  }

  @Test
  @DisplayName("only administrators: park-admin, enterprises and supervisors get 403, anonymous 401")
  void administratorsOnly() {
    for (String user : List.of("park-admin-clerk", "enterprise-a", "supervisor")) {
      assertThat(http.get(PATH, user).statusCode()).as(user).isEqualTo(403);
      assertThat(http.post(PATH, user, AccountFixtures.registration().toString()).statusCode()).as(user)
          .isEqualTo(403);
      assertThat(http.post(PATH + "/enterprise-b/disable", user, "").statusCode()).as(user).isEqualTo(403);
      assertThat(http.post(PATH + "/enterprise-b/credit-code", user, "{}").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(http.get(PATH, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/projects", "enterprise-b").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("create: 201, the account bound and waiting for its first password change, the mail queued, the record")
  void create() {
    ObjectNode body = AccountFixtures.registration();
    String login = body.get("login").asText();
    HttpResponse<String> res = http.post(PATH, "admin", body.toString(), "acc-" + login);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(res.headers().firstValue("Location")).hasValue(PATH + "/" + login);
    JsonNode a = json(res);
    assertThat(a.get("creditCode").asText()).isEqualTo(body.get("creditCode").asText());
    assertThat(a.get("passwordChangeRequired").asBoolean()).isTrue();
    assertThat(a.get("disabled").asBoolean()).isFalse();
    assertThat(http.post(PATH, "admin", body.toString(), "acc-" + login).headers()
        .firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(AccountFixtures.initialPassword(jdbc, login)).hasSizeGreaterThanOrEqualTo(12);
    assertThat(identityService.getUserInfo(login, "creditCode")).isEqualTo(body.get("creditCode").asText());
    JsonNode got = json(http.get(PATH + "/" + login, "admin"));
    assertThat(got.get("record").findValuesAsText("detail")).anySatisfy(d ->
        assertThat(d).contains("开通企业账户").contains("系统管理员创建"));
    assertThat(http.get(PATH + "/no-such-login", "admin").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("list by login with paging and X-Total-Count; a bad limit is 400 naming it")
  void paging() {
    for (int i = 0; i < 3; i++) {
      assertThat(http.post(PATH, "admin", AccountFixtures.registration().toString()).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> all = http.get(PATH + "?limit=200", "admin");
    long total = Long.parseLong(all.headers().firstValue("X-Total-Count").orElseThrow());
    List<String> logins = json(all).findValuesAsText("login");
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(logins).hasSize((int) Math.min(total, 200)).isSorted().contains("enterprise-a", "enterprise-b");
    assertThat(json(http.get(PATH + "?limit=2&offset=1", "admin")).findValuesAsText("login"))
        .containsExactlyElementsOf(logins.subList(1, 3));
    assertThat(json(http.get(PATH + "?limit=200", "admin")).get(logins.indexOf("enterprise-a"))
        .get("creditCode").asText()).isEqualTo("91360124MA39PFL7XC");
    assertThat(errorFields(http.get(PATH + "?limit=0", "admin"), 400)).containsExactly("limit");
  }

  @Test
  @DisplayName("a duplicate login 409, an invalid code 400, a code bound to a disabled account 409, each naming its"
      + " field and creating nothing; several accounts may share one code")
  void refusedAndShared() {
    ObjectNode taken = AccountFixtures.registration();
    taken.put("login", "enterprise-a");
    assertThat(errorFields(http.post(PATH, "admin", taken.toString()), 409)).containsExactly("login");

    ObjectNode invalid = AccountFixtures.registration();
    invalid.put("creditCode", "91360124MA39PFL7XD");
    assertThat(errorFields(http.post(PATH, "admin", invalid.toString()), 400)).containsExactly("creditCode");
    assertThat(users(invalid.get("login").asText())).isZero();

    String code = AccountFixtures.newCreditCode();
    ObjectNode first = AccountFixtures.registration();
    first.put("creditCode", code);
    ObjectNode second = AccountFixtures.registration();
    second.put("creditCode", code);
    assertThat(http.post(PATH, "admin", first.toString()).statusCode()).isEqualTo(201);
    assertThat(http.post(PATH, "admin", second.toString()).statusCode()).isEqualTo(201);
    assertThat(identityService.getUserInfo(second.get("login").asText(), "creditCode")).isEqualTo(code);

    assertThat(http.post(PATH + "/" + first.get("login").asText() + "/disable", "admin", "").statusCode())
        .isEqualTo(200);
    ObjectNode third = AccountFixtures.registration();
    third.put("creditCode", code);
    List<String> fields = errorFields(http.post(PATH, "admin", third.toString()), 409);
    assertThat(fields).containsExactly("creditCode");
    assertThat(users(third.get("login").asText())).isZero();
    assertThat(errorFields(http.post(RegistrationApiTest.PATH, null, third.toString()), 409))
        .containsExactly("creditCode");
    assertThat(jdbc.queryForObject("select count(*) from pf_enterprise_registration where login = ?", Long.class,
        third.get("login").asText())).isZero();
  }

  @Test
  @DisplayName("a disabled account logs in nowhere (/api, /engine-rest, webapps) at once; enabled again, it does")
  void disableAndEnable() {
    String login = created(AccountFixtures.registration());
    String self = login + ":" + CHOSEN;
    assertThat(http.get("/api/admissions", self).statusCode()).isEqualTo(200);

    JsonNode disabled = json(http.post(PATH + "/" + login + "/disable", "admin", ""));
    assertThat(disabled.get("disabled").asBoolean()).isTrue();
    HttpResponse<String> refused = http.get("/api/admissions", self);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).get("detail").asText()).contains("已停用");
    assertThat(http.get("/engine-rest/task", self).statusCode()).isEqualTo(401);
    assertThat(http.webappLogin("tasklist", login, CHOSEN)).isNotEqualTo(200);
    assertThat(json(http.get(PATH + "/" + login, "admin")).get("record").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).startsWith("停用企业账户"));

    assertThat(json(http.post(PATH + "/" + login + "/enable", "admin", "")).get("disabled").asBoolean()).isFalse();
    assertThat(http.get("/api/admissions", self).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("disabled on another node (no event here): refused once the credentials cache's bound has passed")
  void disabledElsewhereWithinTheBound() {
    String login = created(AccountFixtures.registration());
    String self = login + ":" + CHOSEN;
    assertThat(http.get("/api/admissions", self).statusCode()).isEqualTo(200);
    jdbc.update("update pf_enterprise_account set disabled = true where user_id = ?", login);

    passTime(bound.plusSeconds(1));
    assertThat(http.get("/api/admissions", self).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("re-bind: the account's code changes, the record says from what to what and why; bad codes named")
  void rebind() {
    ObjectNode body = AccountFixtures.registration();
    String login = created(body);
    String oldCode = body.get("creditCode").asText();
    String newCode = AccountFixtures.newCreditCode();
    String path = PATH + "/" + login + "/credit-code";

    assertThat(errorFields(http.post(path, "admin", "{\"creditCode\":\"91360124MA39PFL7XD\"}"), 400))
        .containsExactlyInAnyOrder("creditCode", "reason");
    assertThat(errorFields(http.post(path, "admin", "{\"creditCode\":\"" + oldCode + "\",\"reason\":\"核对\"}"),
        400)).containsExactly("creditCode");

    HttpResponse<String> res = http.post(path, "admin",
        "{\"creditCode\":\"" + newCode + "\",\"reason\":\"企业名称变更后换发营业执照\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(json(res).get("creditCode").asText()).isEqualTo(newCode);
    assertThat(identityService.getUserInfo(login, "creditCode")).isEqualTo(newCode);
    assertThat(json(http.get(PATH + "/" + login, "admin")).get("record").findValuesAsText("detail")).contains(
        "变更绑定的统一社会信用代码：" + oldCode + " → " + newCode + "；理由：企业名称变更后换发营业执照");

    String other = created(AccountFixtures.registration());
    String otherCode = identityService.getUserInfo(other, "creditCode");
    assertThat(http.post(PATH + "/" + other + "/disable", "admin", "").statusCode()).isEqualTo(200);
    List<String> fields = new ArrayList<>(errorFields(http.post(path, "admin",
        "{\"creditCode\":\"" + otherCode + "\",\"reason\":\"误绑\"}"), 409));
    assertThat(fields).containsExactly("creditCode");
    assertThat(identityService.getUserInfo(login, "creditCode")).isEqualTo(newCode);
  }

  @Test
  @DisplayName("an account made in Camunda Admin (no code) gets 403 on applicant actions until an administrator binds it")
  void bindAnAdminMadeAccount() {
    String login = AccountFixtures.newLogin();
    var user = identityService.newUser(login);
    user.setPassword(CHOSEN);
    identityService.saveUser(user);
    identityService.createMembership(login, "enterprise");
    try {
      assertThat(http.get("/api/admissions", login + ":" + CHOSEN).statusCode()).isEqualTo(403);
      JsonNode listed = json(http.get(PATH + "/" + login, "admin")).get("account");
      assertThat(listed.get("creditCode").isNull()).isTrue();
      assertThat(http.post(PATH + "/" + login + "/credit-code", "admin", "{\"creditCode\":\""
          + AccountFixtures.newCreditCode() + "\",\"reason\":\"在管理界面创建的账号补绑定\"}").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/admissions", login + ":" + CHOSEN).statusCode()).isEqualTo(200);
    } finally {
      identityService.deleteUser(login);
    }
  }

  @Test
  @DisplayName("a disabled account deleted in Camunda Admin leaves nothing behind: its login and code may be used again")
  void deletedAccountLeavesNoState() {
    ObjectNode body = AccountFixtures.registration();
    String login = created(body);
    assertThat(http.post(PATH + "/" + login + "/disable", "admin", "").statusCode()).isEqualTo(200);
    identityService.deleteUser(login);

    HttpResponse<String> again = http.post(PATH, "admin", body.toString());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(json(again).get("disabled").asBoolean()).isFalse();
    assertThat(json(http.get(PATH + "/" + login, "admin")).get("account").get("disabled").asBoolean()).isFalse();
  }
}
