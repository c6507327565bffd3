package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A start through the engine REST API (the investment-promotion office registering a paper 入园申请书) is held to the
 * API's rules by the shared start-request check, and the model's registration step stores the application.
 */
@IntegrationTest
class AdmissionEngineStartTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired AdmissionCases cases;
  @Autowired JdbcTemplate jdbc;

  private String startBody(ObjectNode application) {
    ObjectNode variables = mapper.createObjectNode();
    application.fields().forEachRemaining(f -> {
      ObjectNode v = variables.putObject(f.getKey());
      if (f.getValue().isArray()) {
        v.put("value", f.getValue().toString());
        v.put("type", "String");
      } else {
        v.set("value", f.getValue());
      }
    });
    ObjectNode body = mapper.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  @Test
  @DisplayName("a valid start is registered with an admission number; an invalid one is refused naming each field")
  void engineStart() {
    Http http = new Http(port);
    String path = "/engine-rest/process-definition/key/" + OnboardingProcess.KEY + "/start";
    ObjectNode bad = cases.passing();
    bad.put("industryCode", "98");
    bad.put("contactEmail", "nobody");
    HttpResponse<String> refused = http.post(path, "investment-promotion-clerk", startBody(bad));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("industryCode").contains("contactEmail");
    assertThat(jdbc.queryForObject("select count(*) from pf_admission where project_name = ?", Long.class,
        bad.get("projectName").asText())).isZero();

    ObjectNode good = cases.passing();
    good.putArray("pollutants").addObject().put("kind", "waste-gas").put("amount", 2.5).put("unit", "吨/年");
    HttpResponse<String> started = http.post(path, "investment-promotion-clerk", startBody(good));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String number = jdbc.queryForObject("select admission_number from pf_admission where project_name = ?",
        String.class, good.get("projectName").asText());
    Admission a = cases.admission(number);
    assertThat(a.processInstanceId()).isNotNull();
    assertThat(a.createdBy()).isEqualTo("investment-promotion-clerk");
    assertThat(a.application().fields().path("pollutants").get(0).path("kind").asText()).isEqualTo("waste-gas");
    assertThat(cases.tasks(number, OnboardingProcess.Elements.PRELIMINARY_ASSESSMENT)).hasSize(1);
  }
}
