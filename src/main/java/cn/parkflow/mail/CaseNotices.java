package cn.parkflow.mail;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one way to send a notice about a case, for every process: the template
 * {@code templates/mail/<process-key>/<kind>.mustache}, the reason key {@code <process>:<case>:<kind>:<occurrence>}
 * (so the same notice is never queued twice), the outbox and the case-record entry, all in the caller's transaction.
 */
@Component
public class CaseNotices {
  private final Outbox outbox;
  private final MailTemplates templates;
  private final CaseRecord caseRecord;

  public CaseNotices(Outbox outbox, MailTemplates templates, CaseRecord caseRecord) {
    this.outbox = outbox;
    this.templates = templates;
    this.caseRecord = caseRecord;
  }

  /** The case a notice is about. */
  public record Case(String processKey, String caseCode, String processInstanceId) {}

  /**
   * Renders {@code template}, queues it for {@code recipients} and records it on the case.
   *
   * @param occurrence what makes this notice unique within the case (e.g. the activity instance, with the group for a
   *     group notice), so a retried step never sends it twice while a second return of the same step gets its own
   * @param department the group the notice goes to or comes from, for the case record
   */
  public void send(Case about, MailTemplate template, String occurrence, Collection<String> recipients,
      String department, Map<String, ?> model) {
    MailTemplates.RenderedMail mail = templates.render(template, model);
    String reasonKey = about.processKey() + ":" + about.caseCode() + ":" + template.kind() + ":" + occurrence;
    outbox.enqueue(recipients, mail, reasonKey, about.caseCode());
    caseRecord.add(CaseEvent.of(about.caseCode(), about.processKey(), about.processInstanceId(),
            CaseEvent.NOTICE_SENT)
        .step(template.name(), mail.subject(), null, department)
        .detail(mail.subject() + " → " + (recipients.isEmpty() ? "（无收件地址）" : String.join(", ", recipients))));
  }
}
