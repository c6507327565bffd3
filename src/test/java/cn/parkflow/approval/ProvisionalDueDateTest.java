package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.CalendarHealthIndicator;
import cn.parkflow.deadline.CalendarReloader;
import cn.parkflow.deadline.CalendarProperties;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.ProvisionalDueDates;
import cn.parkflow.deadline.HolidayFile;
import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  @Autowired TaskService taskService;
  @Autowired CaseRecord caseRecord;
  @Autowired CalendarReloader reloader;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CalendarHealthIndicator health;
  @Autowired Deadlines deadlines;
  @Autowired ProvisionalDueDates provisional;
  @TempDir Path folder;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    reloader.reloadFrom(null);
  }

  @Test
  @DisplayName("reviews opened on the last day of the last year with a notice count Monday–Friday into the next year;"
      + " when that year's notice is loaded their due dates and the joint limit are computed again, the case record"
      + " says so and the year is no longer missing")
  void loadingANoticeRecomputesProvisionalDueDates() throws Exception {
    // The case is filed now, so its place in the applicant's list is not in the future; it is accepted on the last
    // day of the last year whose notice is bundled.
    String code = cases.apply(ProjectCases.application("25", "20000", "0", "100", true));
    int year = calendar.loadedYears().last() + 1;
    Instant acceptedAt = LocalDate.of(year - 1, 12, 31).atTime(9, 0).atZone(WorkingDayCalendar.ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(acceptedAt));
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    Task drc = cases.review(code, Department.DRC.groupId());
    Instant provisional = drc.getDueDate().toInstant();
    Instant jointProvisional = cases.project(code).jointReviewDue();
    assertThat(calendar.missingYears()).contains(year);

    // The new notice makes the first weekday of the year a day off, which the fallback counted as a working day.
    LocalDate dayOff = LocalDate.of(year, 1, 1);
    while (dayOff.getDayOfWeek().getValue() > 5) {
      dayOff = dayOff.plusDays(1);
    }
    String notice = "{\"year\": " + year + ", \"papers\": [\"test\"], \"days\": [{\"name\": \"元旦\", \"date\": \""
        + dayOff + "\", \"isOffDay\": true}]}";
    Path file = folder.resolve(year + ".json");
    Files.writeString(file, notice, StandardCharsets.UTF_8);
    List<HolidayFile> withNotice = new ArrayList<>(WorkingDayCalendar.read(null));
    withNotice.add(HolidayFile.read(Files.newInputStream(file), "test"));
    WorkingDayCalendar official = new WorkingDayCalendar(calendar.officeClose(), withNotice);
    Instant expected = official.due(acceptedAt,
        deadlines.spec(ProjectApprovalProcess.KEY, ProjectApprovalProcess.Deadlines.DRC_APPROVAL));
    Instant jointExpected = official.due(acceptedAt,
        deadlines.spec(ProjectApprovalProcess.KEY, ProjectApprovalProcess.Deadlines.JOINT_REVIEW));
    assertThat(expected).isAfter(provisional);

    CalendarReloader.Result result = reloader.reloadFrom(folder);

    assertThat(result.added()).containsExactly(year);
    assertThat(result.missingYears()).doesNotContain(year);
    assertThat(taskService.createTaskQuery().taskId(drc.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(expected);
    assertThat(cases.project(code).jointReviewDue()).isEqualTo(jointExpected);
    assertThat(caseRecord.of(code)).extracting(CaseEvent::detail)
        .anyMatch(d -> d != null && d.startsWith("节假日安排已载入") && d.contains(TaskNotices.format(provisional))
            && d.contains(TaskNotices.format(expected)));
    assertThat(jointProvisional).isNotEqualTo(jointExpected);
    assertThat(health.health().getDetails().get("years")).asString().contains(String.valueOf(year));
    assertThat(String.valueOf(health.health().getDetails().get("missingYears"))).doesNotContain(String.valueOf(year));

    // Loading again changes nothing more: the due dates are settled.
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

  @Test
  @DisplayName("a year file dropped into the watched folder is loaded at the next look")
  void theFolderIsWatched() throws Exception {
    int year = calendar.loadedYears().last() + 1;
    CalendarReloader watcher = new CalendarReloader(calendar, provisional,
        new CalendarProperties(folder, calendar.officeClose()));
    watcher.watch();
    assertThat(calendar.isOfficial(year)).isFalse();
    Files.writeString(folder.resolve(year + ".json"), "{\"year\": " + year + ", \"papers\": [\"test\"], \"days\": []}",
        StandardCharsets.UTF_8);
    watcher.watch();
    assertThat(calendar.isOfficial(year)).isTrue();
  }
}
