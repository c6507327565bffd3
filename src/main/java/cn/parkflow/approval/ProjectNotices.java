package cn.parkflow.approval;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.mail.MailTemplates;
import cn.parkflow.mail.Outbox;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The case's notices: rendered from {@code templates/mail/project-<kind>.mustache}, queued in the outbox in the
 * caller's transaction and written to the case record ({@link CaseEvent#NOTICE_SENT}).
 */
@Component
public class ProjectNotices {
  private final Outbox outbox;
  private final MailTemplates templates;
  private final CaseRecord caseRecord;
  private final TaskNotices taskNotices;

  public ProjectNotices(Outbox outbox, MailTemplates templates, CaseRecord caseRecord, TaskNotices taskNotices) {
    this.outbox = outbox;
    this.templates = templates;
    this.caseRecord = caseRecord;
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

  /**
   * Sends notice {@code kind} to the applicant's contact e-mail.
   *
   * @param occurrence what makes this notice unique within the case (e.g. the activity instance), so that the same
   *     notice is never queued twice while a second return of the same step gets its own notice
   */
  public void toApplicant(Project project, String kind, Map<String, ?> extra, String occurrence) {
    send(project, kind, extra, occurrence, List.of(project.application().contactEmail()),
        Department.ENTERPRISE.groupId());
  }

  /** Sends notice {@code kind} to every member of group {@code groupId} that has an e-mail address. */
  public void toGroup(Project project, String groupId, String kind, Map<String, ?> extra, String occurrence) {
    send(project, kind, extra, occurrence + ":" + groupId, taskNotices.groupEmails(groupId), groupId);
  }

  private void send(Project project, String kind, Map<String, ?> extra, String occurrence,
      Collection<String> recipients, String department) {
    String template = "project-" + kind;
    Map<String, Object> model = model(project);
    model.put("departmentName", Department.nameOf(department));
    model.putAll(extra);
    MailTemplates.RenderedMail mail = templates.render(template, model);
    String reasonKey = ProjectApprovalProcess.KEY + ":" + project.projectCode() + ":" + kind + ":" + occurrence;
    outbox.enqueue(recipients, mail, reasonKey, project.projectCode());
    caseRecord.add(CaseEvent.of(project.projectCode(), ProjectApprovalProcess.KEY, project.processInstanceId(),
            CaseEvent.NOTICE_SENT)
        .step(template, mail.subject(), null, department)
        .detail(mail.subject() + " → " + (recipients.isEmpty() ? "（无收件地址）" : String.join(", ", recipients))));
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
