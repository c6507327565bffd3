package cn.parkflow.account;

import static cn.parkflow.account.AccountFixtures.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.mail.OutboxSender;
import cn.parkflow.mail.ReceivedMail;
import cn.parkflow.onboarding.AdmissionCases;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.TestSmtp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code enterprise-registration} both ways, as people live it: the enterprise registers over HTTP, park-admin decides
 * through the engine REST API (the decision rules apply), the mail arrives in GreenMail; an approved enterprise logs in
 * with the password it was sent, must change it first, then applies for admission and for a project.
 */
@IntegrationTest
class EnterpriseRegistrationProcessTest extends AccountHttpTest {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);
  private static final Pattern PASSWORD = Pattern.compile("初始密码：(\\S+)");

  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired OutboxSender sender;
  @Autowired AdmissionCases admissions;

  private String register(ObjectNode body) {
    HttpResponse<String> res = http.post(RegistrationApiTest.PATH, null, body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return json(res).get("registrationNumber").asText();
  }

  private Task verifyTask(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(
        RegistrationProcess.Elements.VERIFY).singleResult();
  }

  private HttpResponse<String> decide(String number, String decision, String opinion) {
    String variables = "{\"decision\":{\"value\":\"" + decision + "\"}" + (opinion == null ? ""
        : ",\"opinion\":{\"value\":\"" + opinion + "\"}") + "}";
    return http.post("/engine-rest/task/" + verifyTask(number).getId() + "/complete", "park-admin-clerk",
        "{\"variables\":" + variables + "}");
  }

  private List<MimeMessage> delivered(String number, String kind) {
    while (sender.sendDue() > 0) {
      // deliver everything queued
    }
    return ReceivedMail.withReason(greenMail, RegistrationProcess.KEY + ":" + number + ":" + kind + ":");
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(String number) {
    return jdbc.queryForObject("select status from pf_enterprise_registration where registration_number = ?",
        String.class, number);
  }

  @Test
  @DisplayName("approved: the account exists in group enterprise, bound to the code; the mail carries the password;"
      + " the first login must change it; then the enterprise applies for admission and for a project")
  void approvedAccountAppliesForAdmissionAndProject() throws Exception {
    ObjectNode registration = AccountFixtures.registration();
    String login = registration.get("login").asText();
    String code = registration.get("creditCode").asText();
    String number = register(registration);

    HttpResponse<String> done = decide(number, "approve", null);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(status(number)).isEqualTo("已开通");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
        .getEndActivityId()).isEqualTo(RegistrationProcess.Elements.END_OPENED);
    User user = identityService.createUserQuery().userId(login).memberOfGroup("enterprise").singleResult();
    assertThat(user.getFirstName()).isEqualTo("南昌瑞丰精密机械有限公司");
    assertThat(identityService.getUserInfo(login, "creditCode")).isEqualTo(code);

    MimeMessage mail = delivered(number, "account-opened").get(0);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lihong@ruifeng.example.com");
    assertThat(ReceivedMail.subject(mail)).contains("企业账号开通通知").contains(login);
    Matcher m = PASSWORD.matcher(body(mail));
    assertThat(m.find()).isTrue();
    String initial = m.group(1);

    HttpResponse<String> blocked = http.get("/api/admissions", login + ":" + initial);
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(json(blocked).get("detail").asText()).contains("首次登录须先修改初始密码").contains("/api/account/password");
    assertThat(http.post("/api/account/password", login + ":" + initial, "{\"newPassword\":\"" + initial + "\"}")
        .statusCode()).isEqualTo(400);
    String chosen = "Ruifeng2027pass";
    HttpResponse<String> changed = http.post("/api/account/password", login + ":" + initial,
        "{\"newPassword\":\"" + chosen + "\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    String self = login + ":" + chosen;
    ObjectNode admission = admissions.passing();
    admission.put("enterpriseName", "南昌瑞丰精密机械有限公司");
    admission.put("creditCode", code);
    HttpResponse<String> admitted = http.post("/api/admissions", self, admission.toString());
    assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
    assertThat(json(admitted).get("admissionNumber").asText()).matches("RY-\\d{4}-\\d{4}");

    ObjectNode project = (ObjectNode) mapper.readTree(Files.readString(
        Path.of(System.getProperty("basedir", ".")).resolve("docs/examples/application.json")));
    project.put("enterpriseName", "南昌瑞丰精密机械有限公司");
    project.put("creditCode", code);
    project.put("projectName", "精密齿轮箱生产线 " + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> applied = http.post("/api/projects", self, project.toString());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    assertThat(json(http.get("/api/projects", self)).findValuesAsText("projectCode"))
        .containsExactly(json(applied).get("projectCode").asText());

    // the initial password no longer works, although this node had it remembered a moment ago
    assertThat(http.get("/api/admissions", login + ":" + initial).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("rejected: an opinion is required; the applicant is told why; no account")
  void rejectedWithReasons() {
    ObjectNode registration = AccountFixtures.registration();
    String login = registration.get("login").asText();
    String number = register(registration);

    HttpResponse<String> noOpinion = decide(number, "reject", null);
    assertThat(noOpinion.statusCode()).isEqualTo(400);
    assertThat(noOpinion.body()).contains("opinion");
    assertThat(verifyTask(number)).isNotNull();

    assertThat(decide(number, "reject", "企业名称与营业执照不符").statusCode()).isEqualTo(204);
    assertThat(status(number)).isEqualTo("未通过");
    assertThat(identityService.createUserQuery().userId(login).count()).isZero();
    MimeMessage mail = delivered(number, "rejected").get(0);
    assertThat(ReceivedMail.subject(mail)).contains("不予开通");
    assertThat(body(mail)).contains("企业名称与营业执照不符").contains(login);
  }

  @Test
  @DisplayName("approval is refused (400 naming decision) when the login was taken meanwhile; the task stays open")
  void loginTakenMeanwhile() {
    ObjectNode registration = AccountFixtures.registration();
    String login = registration.get("login").asText();
    String number = register(registration);
    User other = identityService.newUser(login);
    other.setPassword("someone-else-1");
    identityService.saveUser(other);
    try {
      HttpResponse<String> res = decide(number, "approve", null);
      assertThat(res.statusCode()).isEqualTo(400);
      assertThat(res.body()).contains("decision").contains("已被占用");
      assertThat(verifyTask(number)).isNotNull();
      assertThat(status(number)).isEqualTo("待核验");
    } finally {
      identityService.deleteUser(login);
    }
  }
}
