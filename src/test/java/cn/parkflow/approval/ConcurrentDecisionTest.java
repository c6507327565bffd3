package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two intake clerks deciding the same application at the same moment (a double click, two windows): one decision
 * counts, the other is answered 409 or 404, never 500, and the case record holds the step once.
 */
@IntegrationTest
class ConcurrentDecisionTest {
  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twoClerksDecidingOneIntakeReviewAtOnce() throws Exception {
    Http http = new Http(port);
    String[] bodies = {
        "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"材料齐全，予以受理。\"}}}",
        "{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"材料不齐全。\"},"
            + "\"missingItems\":{\"value\":\"项目可行性研究报告\\n法定代表人身份证明\"}}}"};
    for (int round = 0; round < 6; round++) {
      String code = cases.apply(ProjectCases.chemicalPlant());
      Task intake = cases.task(code, Elements.INTAKE_REVIEW);
      String path = "/engine-rest/task/" + intake.getId() + (round % 2 == 0 ? "/complete" : "/submit-form");
      String body = bodies[round % 2];
      CyclicBarrier start = new CyclicBarrier(2);
      var a = CompletableFuture.supplyAsync(() -> post(start, http, path, body));
      var b = CompletableFuture.supplyAsync(() -> post(start, http, path, body));
      List<HttpResponse<String>> answers = List.of(a.get(), b.get());

      assertThat(answers.stream().map(HttpResponse::statusCode).toList())
          .as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
          .containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(intake.getProcessInstanceId())
          .taskDefinitionKey(Elements.INTAKE_REVIEW).finished().count()).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from pf_case_event where case_code = ? and kind = ? and step_key = ?",
          Integer.class, code, CaseEvent.STEP_COMPLETED, Elements.INTAKE_REVIEW)).isEqualTo(1);
    }
  }

  @Test
  void anApplicantWithdrawingWhileTheClerkDecides() throws Exception {
    Http http = new Http(port);
    String decision = "{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"材料不齐全。\"},"
        + "\"missingItems\":{\"value\":\"项目可行性研究报告\"}}}";
    for (int round = 0; round < 6; round++) {
      String code = cases.apply(ProjectCases.chemicalPlant());
      Task intake = cases.task(code, Elements.INTAKE_REVIEW);
      CyclicBarrier start = new CyclicBarrier(2);
      var clerk = CompletableFuture.supplyAsync(() -> post(start, http,
          "/engine-rest/task/" + intake.getId() + "/complete", "park-admin-clerk", decision));
      var applicant = CompletableFuture.supplyAsync(() -> post(start, http,
          "/api/projects/" + code + "/withdrawal", ProjectCases.ENTERPRISE_A, "{\"reason\":\"项目计划调整\"}"));
      List<HttpResponse<String>> answers = List.of(clerk.get(), applicant.get());

      assertThat(answers.stream().map(HttpResponse::statusCode).toList())
          .as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
          .allMatch(s -> s == 200 || s == 204 || s == 409 || s == 404)
          .anyMatch(s -> s == 200 || s == 204);
    }
  }

  private static HttpResponse<String> post(CyclicBarrier barrier, Http http, String path, String body) {
    return post(barrier, http, path, "park-admin-clerk", body);
  }

  private static HttpResponse<String> post(CyclicBarrier barrier, Http http, String path, String user, String body) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return http.post(path, user, body);
  }
}
