package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 9 item 5: a supplement that changes a routing input runs the routing table again. */
@IntegrationTest
class ReroutingTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired ProjectCases cases;
  @Autowired ProjectService projectService;
  @Autowired TaskService taskService;
  @Autowired CaseRecord caseRecord;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
  }

  static ProjectApplication withHazardousChemicals(ProjectApplication a) {
    return new ProjectApplication(a.enterpriseName(), a.creditCode(), a.projectName(), a.industryCode(), a.location(),
        a.totalInvestment(), a.fixedAssetInvestment(), a.landArea(), a.annualEnergyTce(), true,
        a.expectedAnnualTax(), a.contactEmail(), a.constructionScaleAndContent(), a.industrialPolicyDeclaration(),
        a.annualElectricityKwh());
  }

  static ProjectApplication withLocation(ProjectApplication a, String location) {
    return new ProjectApplication(a.enterpriseName(), a.creditCode(), a.projectName(), a.industryCode(), location,
        a.totalInvestment(), a.fixedAssetInvestment(), a.landArea(), a.annualEnergyTce(), a.hazardousChemicals(),
        a.expectedAnnualTax(), a.contactEmail(), a.constructionScaleAndContent(), a.industrialPolicyDeclaration(),
        a.annualElectricityKwh());
  }

  /** A small electronics plant with land, accepted; its only review (用地预审) returned for {@code missingItems}. */
  private String landReviewReturned(String missingItems) {
    String code = cases.apply(ProjectCases.application("39", "3000", "50", "100", false));
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(1);
    cases.complete(cases.reviewNamed(code, "用地预审"), "return", "请补正。", missingItems);
    cases.executeJobs(code);
    return code;
  }

  @Test
  @DisplayName("a supplement that makes the project hazardous starts a safety review with a fresh limit; the land"
      + " review done stays; the joint decision waits for the new review and sees it")
  void hazardousSupplementStartsSafetyReview() {
    String code = landReviewReturned("生产工艺说明");

    projectService.supplement(cases.project(code), "补充生产工艺说明：工艺中使用液氯。",
        withHazardousChemicals(cases.project(code).application()), ProjectCases.ENTERPRISE_A);

    Task safety = cases.reviewNamed(code, "安全设施");
    assertThat(taskService.getIdentityLinksForTask(safety.getId())).anyMatch(l -> "emergency-management"
        .equals(l.getGroupId()));
    assertThat(safety.getDueDate()).isAfter(safety.getCreateTime());
    Task landAgain = cases.reviewNamed(code, "用地预审");
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(2);
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().startsWith("补正改变了审查事项的分派依据")
        && e.detail().contains("涉及危险化学品：否 → 是") && e.detail().contains("建设项目安全设施设计审查"));

    cases.approve(landAgain);
    cases.executeJobs(code);
    assertThat(cases.tasks(code, Elements.JOINT_DECISION)).isEmpty();
    assertThat(cases.instance(code)).isWaitingAt(Elements.DEPARTMENT_REVIEW);
    cases.approve(safety);
    cases.executeJobs(code);
    Task decision = cases.task(code, Elements.JOINT_DECISION);
    assertThat((String) taskService.getVariableLocal(decision.getId(), "departmentOpinions"))
        .contains("建设项目安全设施设计审查", "建设项目用地预审与选址");
  }

  @Test
  @DisplayName("a supplement that changes no routing input leaves the reviews as they are")
  void otherChangesDoNotReroute() {
    String code = landReviewReturned("建设地点");
    projectService.supplement(cases.project(code), "更正建设地点。",
        withLocation(cases.project(code).application(), "进贤县经济开发区光明路 10 号"), ProjectCases.ENTERPRISE_A);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).singleElement()
        .satisfies(t -> assertThat(t.getName()).contains("用地预审"));
    assertThat(caseRecord.of(code)).noneMatch(e -> e.detail() != null && e.detail().contains("分派依据"));
    assertThat(cases.project(code).application().location()).isEqualTo("进贤县经济开发区光明路 10 号");
  }

  @Test
  @DisplayName("the applicant's supplement over HTTP that declares hazardous chemicals opens the safety review at once")
  void supplementOverHttpReroutes() {
    String code = landReviewReturned("生产工艺说明");

    var res = new Http(port).post("/api/projects/" + code + "/supplement", ProjectCases.ENTERPRISE_A,
        "{\"note\":\"补充生产工艺说明：使用液氯。\",\"changes\":{\"hazardousChemicals\":true}}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(res.body()).contains("建设项目安全设施设计审查");
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).extracting(Task::getName)
        .anyMatch(n -> n.contains("安全设施")).anyMatch(n -> n.contains("用地预审"));
  }
}
