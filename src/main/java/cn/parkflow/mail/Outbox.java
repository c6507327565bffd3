package cn.parkflow.mail;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Every outgoing e-mail goes through here: it is written to {@code pf_outbox} in the caller's transaction (the
 * engine's, inside delegates and listeners), so a rolled-back change sends nothing; {@link OutboxSender} delivers it
 * later. The reason key says why the message exists; the same reason for the same recipient is stored only once, so a
 * retried job, a second application node or a repeated scan never sends a message twice.
 */
@Component
public class Outbox {
  private final JdbcTemplate jdbc;
  private final MailTemplates templates;

  public Outbox(JdbcTemplate jdbc, MailTemplates templates) {
    this.jdbc = jdbc;
    this.templates = templates;
  }

  /**
   * Queues one message per recipient. Blank addresses are skipped.
   *
   * @return how many messages were newly queued (0 when this reason was already handled for everyone)
   */
  public int enqueue(Collection<String> recipients, MailTemplates.RenderedMail mail, String reasonKey,
      String caseCode) {
    int queued = 0;
    for (String to : recipients.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList()) {
      queued += jdbc.update("""
          insert into pf_outbox (reason_key, recipient, subject, body, case_code)
          values (?, ?, ?, ?, ?) on conflict (reason_key) do nothing""",
          key(reasonKey, to), to, mail.subject(), mail.body(), caseCode);
    }
    return queued;
  }

  /**
   * For each reason, the recipients it is not yet queued (or sent) for, so {@link #enqueue} would add a message for
   * exactly these: blank addresses skipped, trimmed, each once, in the given order. One query for all reasons (a page
   * of reminders), so a caller that checks often skips rendering mails that exist.
   *
   * @return every reason of {@code recipientsByReason}, with its missing recipients (empty: queued for everyone)
   */
  public Map<String, List<String>> notQueued(Map<String, ? extends Collection<String>> recipientsByReason) {
    Map<String, List<String>> wanted = new LinkedHashMap<>();
    recipientsByReason.forEach((reason, recipients) -> wanted.put(reason,
        recipients.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList()));
    String[] keys = wanted.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(to -> key(e.getKey(), to))).toArray(String[]::new);
    Set<String> queued = keys.length == 0 ? Set.of() : new HashSet<>(jdbc.queryForList(
        "select reason_key from pf_outbox where reason_key = any (?)", String.class, (Object) keys));
    Map<String, List<String>> missing = new LinkedHashMap<>();
    wanted.forEach((reason, recipients) -> missing.put(reason,
        recipients.stream().filter(to -> !queued.contains(key(reason, to))).toList()));
    return missing;
  }

  /** Renders {@code template} with {@code model} and queues it (see {@link #enqueue}). */
  public int enqueue(Collection<String> recipients, MailTemplate template, java.util.Map<String, ?> model,
      String reasonKey, String caseCode) {
    return enqueue(recipients, templates.render(template, model), reasonKey, caseCode);
  }

  /**
   * Renders {@code template} once and queues it for each recipient on its own (reminders and urging: one message per
   * person, so one bad address holds up no one else).
   *
   * @return the recipients for whom the message is new
   */
  public java.util.List<String> enqueueEach(Iterable<String> recipients, MailTemplate template,
      java.util.Map<String, ?> model, String reasonKey, String caseCode) {
    MailTemplates.RenderedMail mail = templates.render(template, model);
    java.util.List<String> queued = new java.util.ArrayList<>();
    for (String to : recipients) {
      if (enqueue(java.util.List.of(to), mail, reasonKey, caseCode) > 0) {
        queued.add(to);
      }
    }
    return queued;
  }

  /** The stored key of one message: its reason and its recipient. */
  private static String key(String reasonKey, String recipient) {
    return reasonKey + "|" + recipient;
  }
}
