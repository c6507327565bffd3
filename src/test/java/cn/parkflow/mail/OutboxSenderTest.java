package cn.parkflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import cn.parkflow.support.TestSmtp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivery of the outbox over SMTP (GreenMail), with the server down and up again, retries and two senders. */
@IntegrationTest
class OutboxSenderTest {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired OutboxProperties properties;
  @Autowired JavaMailSender mailSender;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;

  String reason;

  record Row(long id, String recipient, String status, int attempts, String lastError, Instant nextAttemptAt,
      Instant sentAt) {}

  @BeforeEach
  void setUp() {
    reason = "test:outbox:" + UUID.randomUUID();
    // Other tests leave queued messages in the shared database; send them first, so only ours are due below.
    Instant later = Instant.now().plus(Duration.ofDays(1));
    while (sender.sendDue(later) > 0) {
      // keep sending until nothing is due
    }
  }

  List<Row> rows() {
    return jdbc.query("select * from pf_outbox where starts_with(reason_key, ?) order by recipient", (rs, i) ->
        new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()),
        reason + ":");
  }

  void enqueue(int count, String subject, String body) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      for (int i = 0; i < count; i++) {
        outbox.enqueue(List.of("person" + i + "@example.cn"), new MailTemplates.RenderedMail(subject, body),
            reason + ":" + i, "RT-OUTBOX");
      }
    });
  }

  @Test
  @DisplayName("while SMTP is down messages wait with growing back-off; when it is back each goes out once")
  void smtpDownAndUpAgain() {
    greenMail.stop();
    enqueue(3, "测试通知", "正文");
    Instant t0 = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);

    assertThat(sender.sendDue(t0)).isZero();
    assertThat(rows()).hasSize(3).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo("queued");
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastError()).isNotBlank();
      assertThat(r.nextAttemptAt()).isEqualTo(t0.plus(properties.retryInitial()));
    });

    assertThat(sender.sendDue(t0.plusSeconds(10))).isZero();
    assertThat(rows()).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));

    Instant t1 = t0.plus(properties.retryInitial()).plusSeconds(1);
    assertThat(sender.sendDue(t1)).isZero();
    assertThat(rows()).allSatisfy(r -> {
      assertThat(r.attempts()).isEqualTo(2);
      assertThat(r.nextAttemptAt()).isEqualTo(t1.plus(properties.retryInitial().multipliedBy(2)));
    });

    greenMail.start();
    Instant t2 = t1.plus(properties.retryInitial().multipliedBy(2)).plusSeconds(1);
    assertThat(sender.sendDue(t2)).isEqualTo(3);
    assertThat(sender.sendDue(t2.plus(Duration.ofHours(1)))).isZero();
    assertThat(rows()).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo("sent");
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(r.sentAt()).isEqualTo(t2);
    });

    Map<String, Long> received = ReceivedMail.countByReason(greenMail, reason + ":");
    assertThat(received).containsOnlyKeys(reason + ":0|person0@example.cn", reason + ":1|person1@example.cn",
        reason + ":2|person2@example.cn");
    assertThat(received.values()).containsOnly(1L);
  }

  @Test
  @DisplayName("a message is UTF-8 plain text from parkflow.mail.from with a Message-ID derived from its row")
  void messageFormat() throws Exception {
    enqueue(1, "【即将到期】RT-1 项目审查", "您好：\n请于 2026年12月3日 17:30 前办结。\n");
    assertThat(sender.sendDue()).isEqualTo(1);

    MimeMessage message = ReceivedMail.withReason(greenMail, reason + ":").get(0);
    Row row = rows().get(0);
    assertThat(message.getSubject()).isEqualTo("【即将到期】RT-1 项目审查");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(new InternetAddress(properties.from()).getAddress());
    assertThat(from.getPersonal()).isEqualTo(new InternetAddress(properties.from()).getPersonal());
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("person0@example.cn");
    assertThat(message.getContentType()).contains("text/plain").containsIgnoringCase("UTF-8");
    assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo("您好：\n请于 2026年12月3日 17:30 前办结。\n");
    assertThat(message.getMessageID()).isEqualTo(sender.messageId(row.id(), reason + ":0|person0@example.cn"))
        .startsWith("<outbox." + row.id() + ".").endsWith("@parkflow.local>");
  }

  @Test
  @DisplayName("the wait doubles after each failure up to retry-max")
  void backoff() {
    assertThat(sender.backoff(1)).isEqualTo(properties.retryInitial());
    assertThat(sender.backoff(2)).isEqualTo(properties.retryInitial().multipliedBy(2));
    assertThat(sender.backoff(3)).isEqualTo(properties.retryInitial().multipliedBy(4));
    assertThat(sender.backoff(60)).isEqualTo(properties.retryMax());
    assertThat(sender.backoff(Integer.MAX_VALUE)).isEqualTo(properties.retryMax());
  }

  @Test
  @DisplayName("after max-attempts failures a message is given up as failed and not tried again")
  void givesUpAfterMaxAttempts() {
    OutboxProperties threeAttempts = new OutboxProperties(properties.from(), false, Duration.ofSeconds(5),
        Duration.ofSeconds(1), Duration.ofSeconds(2), 3);
    OutboxSender impatient = new OutboxSender(jdbc, transactionManager, mailSender, threeAttempts,
        Clock.systemUTC());
    greenMail.stop();
    enqueue(1, "测试", "正文");
    Instant t = Instant.now().plusSeconds(1);
    for (int i = 0; i < 5; i++) {
      impatient.sendDue(t.plusSeconds(10L * i));
    }
    assertThat(rows()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("failed");
      assertThat(r.attempts()).isEqualTo(3);
    });
  }

  @Test
  @DisplayName("an address that is not one fails at once")
  void invalidAddress() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status ->
        outbox.enqueue(List.of("不是邮箱"), new MailTemplates.RenderedMail("测试", "正文"), reason + ":bad", null));
    sender.sendDue();
    assertThat(rows()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("failed");
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastError()).contains("AddressException");
    });
  }

  @Test
  @DisplayName("without an SMTP host nothing is sent and messages stay queued")
  void noSmtpHost() {
    OutboxSender withoutHost = new OutboxSender(jdbc, transactionManager, null, properties, Clock.systemUTC());
    enqueue(1, "测试", "正文");
    assertThat(withoutHost.isEnabled()).isFalse();
    assertThat(withoutHost.sendDue(Instant.now().plus(Duration.ofDays(1)))).isZero();
    assertThat(rows()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("queued");
      assertThat(r.attempts()).isZero();
    });
    assertThat(ReceivedMail.withReason(greenMail, reason)).isEmpty();
  }

  @Test
  @DisplayName("a rolled-back transaction queues nothing")
  void rollback() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      outbox.enqueue(List.of("person0@example.cn"), new MailTemplates.RenderedMail("测试", "正文"), reason + ":0",
          "RT-OUTBOX");
      assertThat(rows()).hasSize(1);
      status.setRollbackOnly();
    });
    assertThat(rows()).isEmpty();
    assertThat(sender.sendDue()).isZero();
    assertThat(ReceivedMail.withReason(greenMail, reason)).isEmpty();
  }

  @Test
  @DisplayName("the same reason for the same recipient is queued once")
  void sameReasonOnce() {
    enqueue(2, "测试", "正文");
    enqueue(2, "测试", "正文");
    assertThat(rows()).hasSize(2);
  }

  @Test
  @DisplayName("two senders at once (two nodes) deliver every message exactly once")
  void twoSenders() throws Exception {
    int count = 40;
    enqueue(count, "测试", "正文");
    OutboxSender second = new OutboxSender(jdbc, transactionManager, mailSender, properties, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier barrier = new CyclicBarrier(2);
      List<Future<Integer>> results = new ArrayList<>();
      for (OutboxSender node : List.of(sender, second)) {
        Callable<Integer> work = () -> {
          barrier.await(10, TimeUnit.SECONDS);
          return node.sendDue();
        };
        results.add(pool.submit(work));
      }
      int sent = 0;
      for (Future<Integer> result : results) {
        sent += result.get(60, TimeUnit.SECONDS);
      }
      assertThat(sent).isEqualTo(count);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> received = ReceivedMail.countByReason(greenMail, reason + ":");
    assertThat(received).hasSize(count);
    assertThat(received.values()).containsOnly(1L);
    assertThat(rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("sent"));
  }
}
