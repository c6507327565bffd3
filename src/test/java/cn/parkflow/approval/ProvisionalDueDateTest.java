package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.CalendarHealthIndicator;
import cn.parkflow.deadline.CalendarReloader;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 12: due dates computed while a year had no notice are provisional; loading the year's notice into the
 * running engine computes them again (ADR 0012).
 */
@IntegrationTest
class ProvisionalDueDateTest {
  /** A notice for 2027 as a park would drop it into the folder: 1 January (a Friday) is a day off. */
  private static final String NOTICE_2027 = """
      {"year": 2027, "papers": ["test"], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""";

  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  @Autowired TaskService taskService;
  @Autowired CaseRecord caseRecord;
  @Autowired CalendarReloader reloader;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CalendarHealthIndicator health;
  @TempDir Path folder;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    reloader.reloadFrom(null);
  }

  private static Instant at(String beijing) {
    return OffsetDateTime.parse(beijing).toInstant();
  }

  @Test
  @DisplayName("an intake review created in late December counts Monday–Friday into 2027; when 2027's notice is loaded"
      + " its due date and its timer are computed again, the case record says so and 2027 is no longer missing")
  void loadingANoticeRecomputesProvisionalDueDates() throws Exception {
    ClockUtil.setCurrentTime(Date.from(at("2026-12-28T09:00+08:00")));
    String code = cases.apply(ProjectCases.smallElectronics());
    Task intake = cases.task(code, Elements.INTAKE_REVIEW);
    // 29, 30, 31 Dec, 1 Jan (a Friday, counted while 2027 has no notice), 4 Jan.
    assertThat(intake.getDueDate().toInstant()).isEqualTo(at("2027-01-04T17:30+08:00"));
    assertThat(calendar.missingYears()).contains(2027);

    Files.writeString(folder.resolve("2027.json"), NOTICE_2027, StandardCharsets.UTF_8);
    CalendarReloader.Result result = reloader.reloadFrom(folder);

    assertThat(result.added()).containsExactly(2027);
    assertThat(result.missingYears()).doesNotContain(2027);
    Instant recomputed = at("2027-01-05T17:30+08:00");
    assertThat(taskService.createTaskQuery().taskId(intake.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(recomputed);
    assertThat(cases.timer(code, Elements.INTAKE_DEADLINE).getDuedate().toInstant()).isEqualTo(recomputed);
    assertThat(caseRecord.of(code)).extracting(CaseEvent::detail)
        .anyMatch(d -> d != null && d.startsWith("节假日安排已载入") && d.contains("2027年1月4日 17:30")
            && d.contains("2027年1月5日 17:30"));
    assertThat(health.health().getDetails().get("years")).asString().contains("2027");
    assertThat(String.valueOf(health.health().getDetails().get("missingYears"))).doesNotContain("2027");

    // Loading again changes nothing more: the due date is settled.
    assertThat(reloader.reloadFrom(folder).dueDatesMoved()).isZero();
  }

  @Test
  @DisplayName("POST /api/admin/calendar/reload: administrators only (others 403)")
  void reloadEndpoint() {
    Http http = new Http(port);
    assertThat(http.post("/api/admin/calendar/reload", "drc-clerk", "{}").statusCode()).isEqualTo(403);
    var ok = http.post("/api/admin/calendar/reload", "admin", "{}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("\"years\"", "2026");
  }
}
