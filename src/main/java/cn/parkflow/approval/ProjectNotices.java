package cn.parkflow.approval;

import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.MailTemplate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The case's notices ({@link ProjectApprovalProcess.Notices}), to the applicant or a department, sent the one way
 * every process sends them ({@link CaseNotices}); here only the project's facts every notice may use.
 */
@Component
public class ProjectNotices {
  private final CaseNotices caseNotices;
  private final TaskNotices taskNotices;

  public ProjectNotices(CaseNotices caseNotices, TaskNotices taskNotices) {
    this.caseNotices = caseNotices;
    this.taskNotices = taskNotices;
  }

  /** A date as the notices write it: {@code 2026年9月20日 17:30} (Beijing time). */
  public static String format(Instant instant) {
    return instant == null ? "" : TaskNotices.format(instant);
  }

  /** Every line of a multi-line text that is not blank, trimmed (the one-time notice's items). */
  public static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(StringUtils::hasText).toList();
  }

  /** Sends a notice to the applicant's contact e-mail (see {@link CaseNotices#send} for {@code occurrence}). */
  public void toApplicant(Project project, MailTemplate template, Map<String, ?> extra, String occurrence) {
    send(project, template, extra, occurrence, List.of(project.application().contactEmail()),
        Department.ENTERPRISE.groupId());
  }

  /** Sends a notice to every member of group {@code groupId} that has an e-mail address. */
  public void toGroup(Project project, String groupId, MailTemplate template, Map<String, ?> extra,
      String occurrence) {
    send(project, template, extra, occurrence + ":" + groupId, taskNotices.groupEmails(groupId), groupId);
  }

  private void send(Project project, MailTemplate template, Map<String, ?> extra, String occurrence,
      Collection<String> recipients, String department) {
    Map<String, Object> model = model(project);
    model.put("departmentName", Department.nameOf(department));
    model.putAll(extra);
    caseNotices.send(new CaseNotices.Case(ProjectApprovalProcess.KEY, project.projectCode(),
        project.processInstanceId()), template, occurrence, recipients, department, model);
  }

  /** What every notice may use: the case and its application. */
  static Map<String, Object> model(Project p) {
    ProjectApplication a = p.application();
    Map<String, Object> m = new HashMap<>();
    m.put("projectCode", p.projectCode());
    m.put("projectName", a.projectName());
    m.put("enterpriseName", a.enterpriseName());
    m.put("creditCode", a.creditCode());
    m.put("location", a.location());
    m.put("industryCode", a.industryCode());
    m.put("totalInvestment", a.totalInvestment().toPlainString());
    m.put("fixedAssetInvestment", a.fixedAssetInvestment().toPlainString());
    m.put("landArea", a.landArea().toPlainString());
    m.put("annualEnergyTce", a.annualEnergyTce().toPlainString());
    m.put("hazardousChemicals", a.hazardousChemicals() ? "是" : "否");
    m.put("createdAt", format(p.createdAt()));
    m.put("acceptedAt", format(p.acceptedAt()));
    m.put("jointReviewDue", format(p.jointReviewDue()));
    return m;
  }
}
