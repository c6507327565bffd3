package cn.parkflow.land;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Tasklist start form of {@code land-supply} (engine REST start): the API's rules, keyed by the parcel code. */
@IntegrationTest
class LandStartFormTest {
  private static final String PATH = "/engine-rest/process-definition/key/" + LandSupplyProcess.KEY + "/start";

  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired LandCases cases;
  @Autowired RuntimeService runtimeService;

  private String start(String code, String location, String grade) {
    ObjectNode vars = mapper.createObjectNode();
    vars.putObject("parcelCode").put("value", code);
    vars.putObject("location").put("value", location);
    vars.putObject("areaMu").put("value", "20");
    vars.putObject("landGrade").put("value", grade);
    vars.putObject("industryCode").put("value", "35");
    vars.putObject("plannedUse").put("value", "工业用地（专用设备制造）");
    ObjectNode body = mapper.createObjectNode();
    body.set("variables", vars);
    return body.toString();
  }

  @Test
  @DisplayName("a valid start form starts a case keyed by the parcel code; a wrong one is 400 naming each field")
  void startForm() {
    Http http = new Http(port);
    String code = LandCases.newParcelCode();
    HttpResponse<String> refused = http.post(PATH, "natural-resources-clerk", start("360124001003GX00001", "光", "16"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("parcelCode").contains("location").contains("landGrade");

    HttpResponse<String> started = http.post(PATH, "natural-resources-clerk", start(code, "进贤县经济开发区创业路 9 号", "7"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    LandCase c = cases.landCase(code);
    assertThat(c.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(c.landGrade()).isEqualTo(7);
    assertThat(c.createdBy()).isEqualTo("natural-resources-clerk");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
        .getBusinessKey()).isEqualTo(code);
    assertThat(cases.tasks(code, LandSupplyProcess.Elements.DESIGNATE_PARCEL)).hasSize(1);

    HttpResponse<String> again = http.post(PATH, "natural-resources-clerk", start(code, "进贤县经济开发区创业路 9 号", "7"));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
    assertThat(again.body()).contains("已有正在办理的供地案件");
  }

  @Test
  @DisplayName("another department may not start a land case; a start naming an existing case's row is refused")
  void startRefusals() {
    Http http = new Http(port);
    assertThat(http.post(PATH, "drc-clerk", start(LandCases.newParcelCode(), "进贤县光明路 1 号", "7")).statusCode())
        .isIn(400, 403);
    String code = cases.startParcel();
    ObjectNode body = mapper.createObjectNode();
    body.putObject("variables").putObject("landCase").put("value", Long.toString(cases.landCase(code).id()));
    HttpResponse<String> hijack = http.post(PATH, "natural-resources-clerk", body.toString());
    assertThat(hijack.statusCode()).as(hijack.body()).isEqualTo(400);
    assertThat(cases.tasks(code, LandSupplyProcess.Elements.DESIGNATE_PARCEL)).hasSize(1);
  }
}
