package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With {@code parkflow.onboarding.required-for-projects=true} a project application must name its admission case. */
@IntegrationTest
class ProjectAdmissionRequiredTest {
  @LocalServerPort int port;
  @Autowired AdmissionLinks links;

  @BeforeEach
  void requiredOn() {
    links.required(true);
  }

  @AfterEach
  void requiredOff() {
    links.required(false);
  }
  @Autowired ObjectMapper mapper;
  @Autowired AdmissionCases cases;

  @Test
  @DisplayName("without a number: 400 naming admissionNumber, nothing stored; with the enterprise's admitted case: 201")
  void aNumberIsRequired() throws Exception {
    Http http = new Http(port);
    var body = ProjectAdmissionLinkTest.project(mapper);
    String name = body.get("projectName").asText();
    HttpResponse<String> missing = http.post("/api/projects", "enterprise-a", body.toString());
    assertThat(ProjectAdmissionLinkTest.errorFields(mapper, missing)).containsExactly("admissionNumber");
    assertThat(mapper.readTree(missing.body()).get("errors").get(0).get("message").asText()).contains("必填");
    assertThat(http.post("/api/projects", "enterprise-a", body.put("admissionNumber", "").toString()).statusCode())
        .isEqualTo(400);
    assertThat(cases.jdbc.queryForObject("select count(*) from pf_project where project_name = ?", Integer.class,
        name)).isZero();

    String admission = cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    HttpResponse<String> linked = http.post("/api/projects", "enterprise-a",
        body.put("admissionNumber", admission).toString());
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
    assertThat(mapper.readTree(linked.body()).get("admissionNumber").asText()).isEqualTo(admission);
  }
}
