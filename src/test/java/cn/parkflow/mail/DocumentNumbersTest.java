package cn.parkflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Document numbers from one sequence per kind and year (ADR 0018). */
@IntegrationTest
class DocumentNumbersTest {
  static final Instant IN_2026 = Instant.parse("2026-06-01T02:00:00Z");
  static final Instant IN_2027 = Instant.parse("2027-01-01T00:00:00Z"); // 08:00 on 1 January in Beijing

  @Autowired DocumentNumbers numbers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  final ExecutorService other = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  static String kind() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void numbersCountUpPerKindAndStartAgainEachBeijingYear() {
    String kind = kind();
    String otherKind = kind();
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", IN_2026)).isEqualTo("测〔2026〕1号");
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", IN_2026)).isEqualTo("测〔2026〕2号");
    assertThat(numbers.next(otherKind, "他〔{year}〕{seq}号", IN_2026)).isEqualTo("他〔2026〕1号");
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", IN_2027)).isEqualTo("测〔2027〕1号");
    assertThat(numbers.next(kind, "测〔{year}〕{seq}号", IN_2026)).isEqualTo("测〔2026〕3号");
    assertThat(jdbc.queryForList("select year from pf_document_sequence where kind = ? order by year", Integer.class,
        kind)).containsExactly(2026, 2027);
  }

  /**
   * The counter row used to stay locked until the drawing transaction ended: a second notice of the same kind waited
   * for the first case's whole step to commit. Now a draw completes while another transaction that drew a number of the
   * same kind is still open.
   */
  @Test
  void aDrawDoesNotWaitForAnotherOpenTransactionOfTheSameKind() throws Exception {
    String kind = kind();
    numbers.next(kind, "{seq}", IN_2026); // the sequence exists, as it does after a kind's first notice of the year
    CountDownLatch drawn = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    Future<String> open = other.submit(() -> tx.execute(status -> {
      String n = numbers.next(kind, "{seq}", IN_2026);
      drawn.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return n;
    }));
    assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
    Future<String> second = other.submit(() -> tx.execute(status -> numbers.next(kind, "{seq}", IN_2026)));
    try {
      // a liveness bound, not a timing: before, this draw waited until `release`, i.e. for ever within the test
      assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("3");
    } finally {
      release.countDown();
    }
    assertThat(open.get(30, TimeUnit.SECONDS)).isEqualTo("2");
  }

  /** A number drawn by a transaction that rolls back is not handed out again: a gap, never a duplicate. */
  @Test
  void aRolledBackDrawLeavesAGap() {
    String kind = kind();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThat(numbers.next(kind, "{seq}", IN_2026)).isEqualTo("1");
    tx.executeWithoutResult(status -> {
      assertThat(numbers.next(kind, "{seq}", IN_2026)).isEqualTo("2");
      status.setRollbackOnly();
    });
    assertThat(numbers.next(kind, "{seq}", IN_2026)).isEqualTo("3");
  }

  /** The first draw of a kind in a year creates its sequence; if that transaction rolls back, the next draw does. */
  @Test
  void aRolledBackFirstDrawLeavesNothingBehind() {
    String kind = kind();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(status -> {
      assertThat(numbers.next(kind, "{seq}", IN_2026)).isEqualTo("1");
      status.setRollbackOnly();
    });
    assertThat(jdbc.queryForObject("select count(*) from pf_document_sequence where kind = ?", Integer.class, kind))
        .isZero();
    assertThat(numbers.next(kind, "{seq}", IN_2026)).isEqualTo("1");
  }
}
