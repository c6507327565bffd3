package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 9 item 11: with {@code parkflow.project-code.source=national} the application carries its national code. */
@IntegrationTest
class NationalProjectCodeTest {
  @LocalServerPort int port;
  @Autowired ProjectCodes codes;

  @BeforeEach
  void nationalOn() {
    codes.national(true);
  }

  @AfterEach
  void nationalOff() {
    codes.national(false);
  }

  final ObjectMapper mapper = new ObjectMapper();

  private ObjectNode application() {
    return mapper.valueToTree(ProjectCases.smallElectronics());
  }

  /** A code in the national shape whose last character is not ParkFlow's check character. */
  private static String nationalCode() {
    while (true) {
      String body = "2026-360124-00-03-" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
      char own = ProjectCodes.checkCharacter(body);
      char other = own == '7' ? '8' : '7';
      String code = body + other;
      if (!ProjectCodes.isValid(code)) {
        return code;
      }
    }
  }

  private static java.util.List<String> fields(HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    return new ObjectMapper().readTree(res.body()).get("errors").findValuesAsText("field");
  }

  @Test
  @DisplayName("the national code is taken as it is (shape checked, not ParkFlow's check character) and only once")
  void theNationalCodeIsKeptAndUnique() throws Exception {
    Http http = new Http(port);
    String code = nationalCode();
    HttpResponse<String> created = http.post("/api/projects", "enterprise-a",
        application().put("projectCode", code).toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = mapper.readTree(created.body());
    assertThat(body.get("projectCode").asText()).isEqualTo(code);

    HttpResponse<String> again = http.post("/api/projects", "enterprise-a",
        application().put("projectCode", code).toString());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(mapper.readTree(again.body()).get("detail").asText()).contains(code, "已有申报案件");
  }

  @Test
  @DisplayName("missing or misshapen national code: 400 naming projectCode, with the other fields' errors")
  void missingOrMisshapenCodeIs400() throws Exception {
    Http http = new Http(port);
    assertThat(fields(http.post("/api/projects", "enterprise-a", application().toString())))
        .containsExactly("projectCode");
    assertThat(fields(http.post("/api/projects", "enterprise-a",
        application().put("projectCode", "2026-360124-0003-12345").toString()))).containsExactly("projectCode");
    assertThat(fields(http.post("/api/projects", "enterprise-a",
        application().put("projectCode", 42).put("landArea", -1).toString())))
        .containsExactlyInAnyOrder("projectCode", "landArea");
  }
}
