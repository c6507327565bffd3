package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.identity.Department;
import cn.parkflow.identity.Organs;
import cn.parkflow.mail.DocumentNumbers;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.mail.MailTemplates;
import cn.parkflow.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Issue 9 item 10: every notice of project-approval is a document; adverse ones tell the applicant their remedies. */
@IntegrationTest
class NoticeDocumentsTest {
  static final Set<String> ADVERSE = Set.of("not-accepted", "rejected", "review-result", "filing-correction");

  @Autowired ProjectCases cases;
  @Autowired ProjectNotices notices;
  @Autowired MailTemplates templates;
  @Autowired Organs organs;
  @Autowired DocumentNumbers numbers;

  /** Every value any project-approval template uses, with the adverse flag on. */
  static Map<String, Object> everything() {
    Map<String, Object> m = new HashMap<>();
    for (String key : List.of("reviewName", "reviewer", "decision", "opinion", "checks", "reasons", "opinions",
        "jointOpinion", "acceptance", "step", "supplementDue", "reason", "ground", "competentAuthority",
        "refusingOrgans", "departmentName", "demand", "basis", "kindLabel", "expectedWorkingDays", "pausedAt",
        "expectedEnd", "resumedAt", "pausedWorkingDays", "reviewDue", "jointDue")) {
      m.put(key, "〈" + key + "〉");
    }
    m.put("decidingOrgans", "进贤县生态环境分局");
    m.put("items", List.of("营业执照"));
    m.put("itemCount", 1);
    m.put("landSupply", true);
    m.put("extended", false);
    m.put("deemed", false);
    m.put("notLicensingMatter", false);
    m.put("outsideCompetence", true);
    m.put("adverse", true);
    m.put("evaluationMax", true);
    m.put("licences", List.of(Map.of("index", 1, "matter", "企业投资项目核准", "organ", "进贤县发展和改革局",
        "decision", "同意", "documentNumber", "园审结〔2026〕3号", "documentDate", "2026年9月30日")));
    m.put("drcApproval", true);
    m.put("drcDate", "2026年9月30日");
    m.put("eia", true);
    m.put("departmentStage", false);
    m.put("jointMoved", true);
    m.put(ProjectNotices.ISSUER, Department.ECOLOGY_ENVIRONMENT.groupId());
    return m;
  }

  @Test
  @DisplayName("each template renders with the issuing organ's legal name, a document number and the date; adverse"
      + " ones with the deciding organ and the rights to 行政复议 (60 days) and 行政诉讼 (6 months)")
  void everyNoticeIsADocument() throws Exception {
    Project project = cases.project(cases.apply(ProjectCases.smallElectronics()));
    Resource[] files = new PathMatchingResourcePatternResolver()
        .getResources("classpath:templates/mail/project-approval/*.mustache");
    assertThat(files).hasSizeGreaterThanOrEqualTo(13);
    Set<String> numbersSeen = new HashSet<>();
    for (Resource file : files) {
      String kind = file.getFilename().replace(".mustache", "");
      MailTemplate template = new MailTemplate(ProjectApprovalProcess.KEY, kind);
      Map<String, Object> extra = everything();
      Map<String, Object> model = notices.documentModel(project, template, extra);
      model.putAll(extra);
      String body = templates.render(template, model).body();
      assertThat(body).as(kind).contains("进贤县生态环境分局")
          .containsPattern("园审\\S*〔20\\d\\d〕\\d+号")
          .containsPattern("20\\d\\d年\\d{1,2}月\\d{1,2}日");
      numbersSeen.add((String) model.get("documentNumber"));
      if (ADVERSE.contains(kind)) {
        assertThat(body).as(kind).contains("作出决定的机关：进贤县生态环境分局",
            "六十日内向进贤县人民政府申请行政复议", "六个月内向进贤县人民法院提起行政诉讼", "行政诉讼法》第四十六条");
      }
    }
    assertThat(numbersSeen).hasSize(files.length);
    assertThat(ProjectNotices.DEFAULT_PATTERNS).as("every kind has its own number sequence")
        .containsKeys(java.util.Arrays.stream(files).map(f -> f.getFilename().replace(".mustache", ""))
            .toArray(String[]::new));
    assertThat(organs.name(Department.DRC.groupId())).isEqualTo("进贤县发展和改革局");
    assertThat(organs.name(Department.COUNTY_GOVERNMENT.groupId())).isEqualTo("进贤县人民政府");
  }

  @Test
  @DisplayName("document numbers of one kind and year are consecutive and never repeat, also drawn concurrently")
  void numbersAreASequencePerKindAndYear() throws Exception {
    String kind = "test-kind-" + System.nanoTime();
    Instant now = Instant.now();
    String first = numbers.next(kind, "测〔{year}〕{seq}号", now);
    assertThat(first).endsWith("〕1号");
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", now)).endsWith("〕2号");
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", now.minusSeconds(400L * 86400))).endsWith("〕1号");
    Set<String> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            drawn.add(numbers.next(kind, "测〔{year}〕{seq}号", now));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(drawn).hasSize(40);
  }

  private String render(Project project, String kind, Map<String, Object> extra) {
    MailTemplate template = new MailTemplate(ProjectApprovalProcess.KEY, kind);
    Map<String, Object> model = notices.documentModel(project, template, extra);
    model.putAll(extra);
    return templates.render(template, model).body();
  }

  @Test
  @DisplayName("the approval notice lists each licence and filing with organ, number and date, 核准's 2-year validity"
      + " (Order 673 Art. 12) and that construction waits for the EIA approval (EIA Law Art. 25)")
  void approvalNoticeCitesEachLicence() {
    Project project = cases.project(cases.apply(ProjectCases.smallElectronics()));
    String body = render(project, "approved", everything());
    assertThat(body).contains("1. 企业投资项目核准：进贤县发展和改革局，园审结〔2026〕3号，2026年9月30日，同意",
        "自 2026年9月30日 印发之日起 2 年内有效", "30 个工作日前向核准机关申请延期", "第十二条",
        "未经批准的，不得开工建设", "第二十五条");
    Map<String, Object> plain = everything();
    plain.put("drcApproval", false);
    plain.put("eia", false);
    assertThat(render(project, "approved", plain)).doesNotContain("2 年内有效", "不得开工建设");
  }

  @Test
  @DisplayName("a department-stage supplement request does not cite Art. 32 and says the review stops while the joint"
      + " limit runs; the intake's cites Art. 32")
  void departmentSupplementRequestCitesItsOwnBasis() {
    Project project = cases.project(cases.apply(ProjectCases.smallElectronics()));
    Map<String, Object> department = everything();
    department.put("departmentStage", true);
    assertThat(render(project, "supplement-request", department)).doesNotContain("第三十二条")
        .contains("依本部门审查规定", "该项审查停止计时", "联合审查期限", "继续计算");
    assertThat(render(project, "supplement-request", everything())).contains("第三十二条")
        .doesNotContain("联合审查期限");
  }

  @Test
  @DisplayName("end to end: the approval notice of a 核准 project cites the documents the departments issued")
  void approvalNoticeOfARealCase() {
    String code = cases.apply(ProjectCases.application("25", "20000", "0", "100", true));
    cases.approve(cases.task(code, ProjectApprovalProcess.Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    cases.tasks(code, ProjectApprovalProcess.Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    cases.approve(cases.task(code, ProjectApprovalProcess.Elements.JOINT_DECISION));
    cases.executeJobs(code);
    String body = cases.bodies(code, "【批准通知】").get(0);
    assertThat(body).containsPattern("企业投资项目核准：进贤县发展和改革局，园审结〔20\\d\\d〕\\d+号，20\\d\\d年\\d+月\\d+日，同意")
        .containsPattern("：进贤县生态环境分局，园审结〔20\\d\\d〕\\d+号，20\\d\\d年\\d+月\\d+日，同意")
        .containsPattern("：进贤县应急管理局，园审结〔20\\d\\d〕\\d+号")
        .contains("2 年内有效", "不得开工建设");
  }
}
