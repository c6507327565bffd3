package cn.parkflow.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Delivers queued {@code pf_outbox} rows over SMTP.
 *
 * <p>Each message is claimed, sent and marked in one short transaction that holds a row lock
 * ({@code for update skip locked}), so two application nodes never send the same row at the same time and a node
 * that stops mid-way leaves the row queued for the next round. A failed attempt is retried after
 * {@code parkflow.mail.retry-initial}, doubled each time up to {@code parkflow.mail.retry-max}; after
 * {@code parkflow.mail.max-attempts} the row is {@code failed} and shown as such in {@code GET /api/admin/outbox}.
 *
 * <p>If a node dies after the SMTP server accepted a message but before the row was marked sent, the message goes out
 * once more; it carries the same {@code Message-ID} (derived from the row), so a receiving system can drop the
 * duplicate. Without {@code spring.mail.host} nothing is sent: messages stay queued to be read in the outbox.
 */
@Component
public class OutboxSender {
  /** Header naming the outbox reason of a message, for receivers and tests. */
  public static final String REASON_HEADER = "X-ParkFlow-Reason";

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  /** Upper bound of messages per round, so one round never runs for long. */
  private static final int ROUND_LIMIT = 200;
  private static final int MAX_ERROR_LENGTH = 2000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final JavaMailSender mailSender;
  private final OutboxProperties props;
  private final InternetAddress from;
  private final String messageIdDomain;
  private final Clock clock;

  @Autowired
  public OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String smtpHost,
      OutboxProperties props) {
    this(jdbc, transactionManager, StringUtils.hasText(smtpHost) ? mailSender.getIfAvailable() : null, props,
        Clock.systemUTC());
    if (this.mailSender == null) {
      log.info("No SMTP host (spring.mail.host) set: e-mails are kept in the outbox and not sent");
    }
  }

  /** For tests: {@code mailSender} null means no SMTP host. */
  OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
      OutboxProperties props, Clock clock) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactionManager);
    this.mailSender = mailSender;
    this.props = props;
    this.clock = clock;
    this.from = parseFrom(props.from());
    String address = from.getAddress();
    this.messageIdDomain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "parkflow.local";
  }

  /** Whether an SMTP server is configured, i.e. whether {@link #sendDue()} sends anything. */
  public boolean isEnabled() {
    return mailSender != null;
  }

  /**
   * Sends every queued message whose next attempt is due (at most a few hundred per call).
   *
   * @return how many messages were sent
   */
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /** {@link #sendDue()} as if it were {@code now} (tests use it to let back-off time pass). */
  int sendDue(Instant now) {
    if (mailSender == null) {
      return 0;
    }
    int sent = 0;
    for (int i = 0; i < ROUND_LIMIT; i++) {
      Boolean result = tx.execute(status -> sendNext(now));
      if (result == null) {
        break;
      }
      if (result) {
        sent++;
      }
    }
    return sent;
  }

  /** The wait after the given number of failed attempts: initial, doubled per further attempt, capped. */
  Duration backoff(int failedAttempts) {
    Duration delay = props.retryInitial();
    for (int i = 1; i < failedAttempts && delay.compareTo(props.retryMax()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(props.retryMax()) > 0 ? props.retryMax() : delay;
  }

  /** The stable Message-ID of an outbox row: the same on every attempt and on every node. */
  String messageId(long id, String reasonKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(reasonKey.getBytes(StandardCharsets.UTF_8));
      return "<outbox." + id + "." + HexFormat.of().formatHex(digest, 0, 8) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Row(long id, String reasonKey, String recipient, String subject, String body, int attempts) {}

  /** Claims, sends and marks one due message; null when none is due. */
  private Boolean sendNext(Instant now) {
    List<Row> rows = jdbc.query("""
        select id, reason_key, recipient, subject, body, attempts from pf_outbox
        where status = 'queued' and next_attempt_at <= ?
        order by next_attempt_at, id limit 1
        for update skip locked""",
        (rs, i) -> new Row(rs.getLong("id"), rs.getString("reason_key"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")),
        Timestamp.from(now));
    if (rows.isEmpty()) {
      return null;
    }
    Row row = rows.get(0);
    try {
      mailSender.send(message(row, now));
    } catch (AddressException e) {
      recordFailure(row, now, e, true);
      return false;
    } catch (MessagingException | RuntimeException e) {
      // Any failure of this one message is recorded on it, so a message that cannot be built never blocks the rest.
      recordFailure(row, now, e, false);
      return false;
    }
    jdbc.update("update pf_outbox set status = 'sent', attempts = attempts + 1, sent_at = ? where id = ?",
        Timestamp.from(now), row.id());
    return true;
  }

  private MimeMessage message(Row row, Instant now) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(new InternetAddress(row.recipient(), true));
    helper.setSubject(row.subject());
    helper.setText(row.body(), false);
    helper.setSentDate(Date.from(now));
    message.setHeader("Message-ID", messageId(row.id(), row.reasonKey()));
    try {
      message.setHeader(REASON_HEADER, MimeUtility.encodeText(row.reasonKey(), "UTF-8", "B"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    return message;
  }

  private void recordFailure(Row row, Instant now, Exception e, boolean permanent) {
    int attempts = row.attempts() + 1;
    boolean giveUp = permanent || attempts >= props.maxAttempts();
    Duration wait = backoff(attempts);
    jdbc.update("update pf_outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
        giveUp ? "failed" : "queued", attempts, describe(e), Timestamp.from(now.plus(wait)), row.id());
    if (giveUp) {
      log.error("Outbox message {} to {} given up after {} attempts: {}", row.id(), row.recipient(), attempts,
          describe(e));
    } else {
      log.warn("Outbox message {} to {} not sent (attempt {}), next try in {}: {}", row.id(), row.recipient(),
          attempts, wait, describe(e));
    }
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage().strip());
      }
    }
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
  }

  private static InternetAddress parseFrom(String text) {
    try {
      InternetAddress parsed = new InternetAddress(text, true);
      return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalStateException("parkflow.mail.from is not a valid e-mail address: " + text, e);
    }
  }
}
