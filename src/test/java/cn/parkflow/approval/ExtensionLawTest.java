package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectCases.chemicalPlant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 items 2 and 4: extensions need reasons and the right approver. The county government extends the joint limit
 * only with reasons (Art. 42 ¶2); a department extends its own review once, approved by its leaders (Order 673 Art. 10,
 * 行政许可法 Art. 42 ¶1), and the applicant is told.
 */
@IntegrationTest
class ExtensionLawTest {
  static final String APPROVE_WITHOUT_REASONS = "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}";

  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Deadlines deadlines;
  @Autowired CaseRecord caseRecord;
  final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String accepted(ProjectApplication application) {
    String code = cases.apply(application);
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    return code;
  }

  @Test
  @DisplayName("the joint limit's extension cannot be approved without reasons: engine REST, Tasklist and the Java API"
      + " all refuse it naming opinion, and the task stays open")
  void jointExtensionNeedsReasonsEverywhere() throws Exception {
    String code = accepted(chemicalPlant());
    cases.fireTimer(code, Elements.JOINT_REVIEW_WARNING);
    cases.executeJobs(code);
    Task extension = cases.task(code, Elements.APPROVE_EXTENSION);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(4);
    Http http = new Http(port);

    HttpResponse<String> rest = http.post("/engine-rest/task/" + extension.getId() + "/complete",
        "county-government-clerk", APPROVE_WITHOUT_REASONS);
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
    JsonNode problem = mapper.readTree(rest.body());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("opinion");
    assertThat(problem.get("message").asText()).contains("延长期限的理由");
    HttpResponse<String> tasklist = http.webappSession("tasklist", "county-government-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/" + extension.getId() + "/submit-form",
            APPROVE_WITHOUT_REASONS);
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(tasklist.body()).get("message").asText()).contains("opinion");
    assertThatThrownBy(() -> cases.complete(extension, "approve", null, null)).hasMessageContaining("opinion");
    assertThat(cases.task(code, Elements.APPROVE_EXTENSION).getId()).isEqualTo(extension.getId());
    assertThat(cases.project(code).jointReviewExtended()).isFalse();
  }

  @Test
  @DisplayName("核准 is extended once by 40 wd: the clerk asks with reasons, only the DRC's leaders get the task, the"
      + " leader approves, the review reopens due 40 wd later and the applicant gets the DRC's notice; a second"
      + " extension is refused")
  void drcApprovalExtendedOnceByItsLeader() throws Exception {
    String code = accepted(ProjectCases.application("25", "20000", "50", "1500", true));
    Task review = cases.reviewNamed(code, "核准");
    Date due = review.getDueDate();

    assertThatThrownBy(() -> cases.complete(review, "extend", null, null)).hasMessageContaining("opinion");
    cases.complete(review, "extend", "需征求省级行业主管部门书面意见。", null);
    Task leaderTask = cases.task(code, Elements.APPROVE_REVIEW_EXTENSION);
    assertThat(taskService.getIdentityLinksForTask(leaderTask.getId())).extracting(l -> l.getGroupId())
        .containsExactly("drc-leaders");
    assertThat(leaderTask.getDueDate()).isEqualTo(due);
    Http http = new Http(port);
    String query = "/engine-rest/task?processInstanceId=" + cases.instanceId(code) + "&taskDefinitionKey="
        + Elements.APPROVE_REVIEW_EXTENSION;
    assertThat(mapper.readTree(http.get(query, "drc-clerk").body()).findValuesAsText("id")).isEmpty();
    assertThat(mapper.readTree(http.get(query, "drc-leader").body()).findValuesAsText("id"))
        .containsExactly(leaderTask.getId());
    // the other reviews go on meanwhile
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(4);

    cases.complete(leaderTask, "approve", "同意延期。", null);
    cases.executeJobs(code);
    Task extended = cases.reviewNamed(code, "核准");
    assertThat(extended.getId()).isNotEqualTo(review.getId());
    assertThat(extended.getDueDate()).isEqualTo(deadlines.dueFrom(due, ProjectApprovalProcess.KEY, "drc-approval-extension"));
    assertThat(extended.getDueDate()).isAfter(due);
    assertThat(cases.bodies(code, "【部门审查延期告知】企业投资项目核准")).singleElement().asString()
        .contains("进贤县发展和改革局", "需征求省级行业主管部门书面意见", "条例》第十条")
        .containsPattern("园审部延〔20\\d\\d〕\\d+号").containsPattern("20\\d\\d年\\d{1,2}月\\d{1,2}日");
    assertThat(caseRecord.of(code)).anyMatch(e -> Elements.EXTEND_REVIEW.equals(e.stepKey())
        && e.detail().contains("需征求省级行业主管部门书面意见"));

    assertThatThrownBy(() -> cases.complete(extended, "extend", "再次延期。", null))
        .hasMessageContaining("decision").hasMessageContaining("延长过一次");
    cases.approve(extended);
    cases.executeJobs(code);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).noneMatch(t -> t.getName().contains("核准"));
  }

  @Test
  @DisplayName("another review's extension is 10 wd; its leader refuses with reasons and the review reopens with its"
      + " old due date; after the due date no extension can be asked for")
  void otherReviewExtensionRefusedAndLate() {
    String code = accepted(chemicalPlant());
    Task safety = cases.reviewNamed(code, "安全设施");
    Date due = safety.getDueDate();
    cases.complete(safety, "extend", "需进行现场核查。", null);
    Task leaderTask = cases.task(code, Elements.APPROVE_REVIEW_EXTENSION);
    assertThat(taskService.getIdentityLinksForTask(leaderTask.getId())).extracting(l -> l.getGroupId())
        .containsExactly("emergency-management-leaders");
    assertThatThrownBy(() -> cases.complete(leaderTask, "reject", null, null)).hasMessageContaining("opinion");
    cases.complete(leaderTask, "reject", "材料足以作出决定，不予延期。", null);
    cases.executeJobs(code);
    Task again = cases.reviewNamed(code, "安全设施");
    assertThat(again.getDueDate()).isEqualTo(due);
    assertThat(cases.subjects(code)).noneMatch(s -> s.startsWith("【部门审查延期告知】"));
    assertThat(caseRecord.of(code)).anyMatch(e -> Elements.RECORD_NO_REVIEW_EXTENSION.equals(e.stepKey())
        && e.detail().contains("不予延期"));

    Task energy = cases.reviewNamed(code, "节能");
    ClockUtil.setCurrentTime(new Date(energy.getDueDate().getTime() + 60_000));
    assertThatThrownBy(() -> cases.complete(energy, "extend", "来不及。", null))
        .hasMessageContaining("decision").hasMessageContaining("已届满");
    ClockUtil.reset();

    Task land = cases.reviewNamed(code, "用地预审");
    Date landDue = land.getDueDate();
    cases.complete(land, "extend", "需实地踏勘。", null);
    cases.complete(cases.task(code, Elements.APPROVE_REVIEW_EXTENSION), "approve", null, null);
    cases.executeJobs(code);
    assertThat(cases.reviewNamed(code, "用地预审").getDueDate())
        .isEqualTo(deadlines.dueFrom(landDue, ProjectApprovalProcess.KEY, "land-pre-review-extension"));
    assertThat(cases.bodies(code, "【部门审查延期告知】")).singleElement().asString()
        .contains("进贤县自然资源和规划局", "需实地踏勘", "第四十二条第一款");
    assertThat(runtimeService.getVariable(cases.instanceId(code), Variables.REVIEW_DUE.name())).isNull();
  }
}
