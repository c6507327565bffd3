import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reliability probe R3 (issue 7): two ParkFlow nodes on one PostgreSQL, many deemed-acceptance timers and yellow
 * reminders due within about a minute; every timer fires once and every reminder is queued once.
 *
 * <p>Run by {@code scripts/reliability/r3-two-nodes.sh}, which starts the nodes and the database and passes:
 * {@code TwoNodes <node-a-url> <node-b-url> <jdbc-url> <cases> <parallel> <wait-seconds> <application.json>}. It only
 * talks to 127.0.0.1: the two nodes over HTTP and their database over JDBC. Creating cases is bounded by the count,
 * waiting for the timers by {@code wait-seconds}. Exit status 0 when every check holds, 1 otherwise.
 */
public class TwoNodes {
  static final String[][] ENTERPRISES = {
      {"enterprise-a", "赣江新材料有限公司", "91360124MA39PFL7XC", "enterprise-a@parkflow.local"},
      {"enterprise-b", "瑞洪电子科技有限公司", "91360124MA3AQ0KD27", "enterprise-b@parkflow.local"}};
  static final String TIMER = "timer_intakeDeadline";
  static final String DEEMED = "serviceTask_recordDeemedAcceptance";
  static final String INTAKE = "userTask_intakeReview";

  public static void main(String[] args) throws Exception {
    List<String> nodes = List.of(args[0], args[1]);
    String jdbcUrl = args[2];
    int cases = Integer.parseInt(args[3]);
    int parallel = Integer.parseInt(args[4]);
    long waitSeconds = Long.parseLong(args[5]);
    String template = Files.readString(Path.of(args[6]), StandardCharsets.UTF_8);

    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();

    // 1. Create the cases, spread over both nodes and both enterprises.
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger[] perNode = {new AtomicInteger(), new AtomicInteger()};
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    long createStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      final int n = i;
      futures.add(pool.submit(() -> {
        int node = n % 2;
        String[] e = ENTERPRISES[(n / 2) % 2];
        String body = template
            .replace("赣江新材料有限公司", e[1])
            .replace("91360124MA39PFL7XC", e[2])
            .replace("enterprise-a@parkflow.local", e[3])
            .replace("年产2万吨高性能复合材料项目", "R3 两节点定时器探针项目 " + n);
        HttpRequest request = HttpRequest.newBuilder(URI.create(nodes.get(node) + "/api/projects"))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((e[0] + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Idempotency-Key", "r3-" + n)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        long t0 = System.nanoTime();
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          latencies.add(System.nanoTime() - t0);
          if (response.statusCode() == 201) {
            created.incrementAndGet();
            perNode[node].incrementAndGet();
          } else {
            refused.incrementAndGet();
            System.err.println("case " + n + " on node " + node + ": HTTP " + response.statusCode() + " "
                + response.body());
          }
        } catch (Exception ex) {
          refused.incrementAndGet();
          System.err.println("case " + n + " on node " + node + ": " + ex);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    double createSeconds = (System.nanoTime() - createStart) / 1e9;
    List<Long> sorted = latencies.stream().sorted().toList();
    figures.put("cases created", created.get() + " of " + cases + " (node A " + perNode[0] + ", node B "
        + perNode[1] + ")");
    figures.put("creation", String.format("%.1f s, %.1f cases/s, %d in parallel, p50 %d ms, p95 %d ms, max %d ms",
        createSeconds, created.get() / createSeconds, parallel, millis(sorted, 0.50), millis(sorted, 0.95),
        millis(sorted, 1.0)));
    if (refused.get() > 0) {
      failures.add(refused.get() + " applications were refused or failed");
    }
    System.out.printf("Created %d cases in %.1f s; waiting for their timers.%n", created.get(), createSeconds);

    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      // 2. Wait until every deemed acceptance is recorded and the job executors have nothing due left.
      long waitStart = System.nanoTime();
      long deadline = waitStart + TimeUnit.SECONDS.toNanos(waitSeconds);
      long deemed;
      long due;
      while (true) {
        deemed = count(db, "select count(*) from pf_case_event where step_key = '" + TIMER + "'");
        due = count(db, "select count(*) from act_ru_job where retries_ > 0"
            + " and (duedate_ is null or duedate_ <= now())");
        long openIntake = count(db, "select count(*) from act_ru_task where task_def_key_ = '" + INTAKE + "'");
        System.out.printf("  %4.0f s: %d deemed acceptances recorded, %d intake reviews open, %d jobs due%n",
            (System.nanoTime() - waitStart) / 1e9, deemed, openIntake, due);
        if (deemed >= created.get() && due == 0 && openIntake == 0) {
          break;
        }
        if (System.nanoTime() > deadline) {
          failures.add("not settled within " + waitSeconds + " s: " + deemed + " deemed acceptances, " + due
              + " jobs still due");
          break;
        }
        Thread.sleep(5000);
      }
      // Let a last reminder scan on each node pass over the (now empty) list of intake reviews.
      Thread.sleep(12_000);

      // 3. Checks, all in SQL.
      long projects = count(db, "select count(*) from pf_project");
      long deemedAccepted = count(db, "select count(*) from pf_project where deemed_accepted");
      long timerFired = count(db, "select count(distinct process_instance_id_) from act_hi_job_log"
          + " where act_id_ = '" + TIMER + "' and job_state_ = 2");
      long timerTwice = count(db, "select count(*) from (select process_instance_id_ from act_hi_job_log"
          + " where act_id_ = '" + TIMER + "' and job_state_ = 2 group by 1 having count(*) > 1) t");
      long deemedRan = count(db, "select count(distinct process_instance_id_) from act_hi_job_log"
          + " where act_id_ = '" + DEEMED + "' and job_state_ = 2");
      long deemedRanTwice = count(db, "select count(*) from (select process_instance_id_ from act_hi_job_log"
          + " where act_id_ = '" + DEEMED + "' and job_state_ = 2 group by 1 having count(*) > 1) t");
      long deemedRecordedTwice = count(db, "select count(*) from (select case_code from pf_case_event"
          + " where step_key = '" + TIMER + "' group by 1 having count(*) > 1) t");
      long failedAttempts = count(db, "select count(*) from act_hi_job_log where job_state_ = 1");
      long exhausted = count(db, "select count(*) from act_ru_job where retries_ = 0");
      long incidents = count(db, "select count(*) from act_hi_incident");
      long intakeTasks = count(db, "select count(*) from act_hi_taskinst where task_def_key_ = '" + INTAKE + "'");
      // Yellow reminders: reason reminder:yellow:<taskId>:<dueMillis>|<recipient>.
      long yellowRows = count(db, "select count(*) from pf_outbox where reason_key like 'reminder:yellow:%'");
      long yellowTasks = count(db, "select count(distinct split_part(reason_key, ':', 3)) from pf_outbox"
          + " where reason_key like 'reminder:yellow:%'");
      long yellowTwice = count(db, "select count(*) from (select split_part(reason_key, ':', 3),"
          + " split_part(reason_key, '|', 2) from pf_outbox where reason_key like 'reminder:yellow:%'"
          + " group by 1, 2 having count(*) > 1) t");
      long yellowRecordedTwice = count(db, "select count(*) from (select task_id from pf_case_event"
          + " where kind = 'notice-sent' and detail like '黄灯提醒%' group by 1 having count(*) > 1) t");
      long yellowRecorded = count(db, "select count(distinct task_id) from pf_case_event"
          + " where kind = 'notice-sent' and detail like '黄灯提醒%'");
      long unreminded = count(db, "select count(*) from act_hi_taskinst t where task_def_key_ = '" + INTAKE + "'"
          + " and not exists (select 1 from pf_outbox o where o.reason_key like 'reminder:yellow:' || t.id_ || ':%'"
          + " or o.reason_key like 'overdue:' || t.id_ || ':%')");
      long recipientsPerTask = count(db, "select count(distinct split_part(reason_key, '|', 2)) from pf_outbox"
          + " where reason_key like 'reminder:yellow:%'");
      long unevenTasks = count(db, "select count(*) from (select split_part(reason_key, ':', 3) from pf_outbox"
          + " where reason_key like 'reminder:yellow:%' group by 1 having count(*) <> " + recipientsPerTask + ") t");
      // Overdue notices (a timer late enough for a scan to see the task red): once per task, repeat and recipient.
      long redRows = count(db, "select count(*) from pf_outbox where reason_key like 'overdue:%'");
      long redTwice = count(db, "select count(*) from (select split_part(reason_key, ':', 2),"
          + " split_part(split_part(reason_key, ':', 4), '|', 1), split_part(reason_key, '|', 2) from pf_outbox"
          + " where reason_key like 'overdue:%' group by 1, 2, 3 having count(*) > 1) t");
      long redRecordedTwice = count(db, "select count(*) from (select task_id, split_part(detail, '：', 1)"
          + " from pf_case_event where kind = 'notice-sent' and (detail like '红灯超期督办%' or detail like '超期第%')"
          + " group by 1, 2 having count(*) > 1) t");
      long deemedNotices = count(db, "select count(*) from pf_outbox where reason_key like '%:deemed-accepted:%'");
      long deemedNoticesTwice = count(db, "select count(*) from (select case_code, recipient from pf_outbox"
          + " where reason_key like '%:deemed-accepted:%' group by 1, 2 having count(*) > 1) t");
      Map<String, Long> timerHosts = byHost(db, TIMER);
      Map<String, Long> allHosts = byHost(db, null);
      String lateness = text(db, "select coalesce(round(percentile_cont(0.5) within group (order by s)::numeric, 1)"
          + " || ' s median, ' || round(percentile_cont(0.95) within group (order by s)::numeric, 1) || ' s p95, '"
          + " || round(max(s)::numeric, 1) || ' s max', 'none') from (select extract(epoch from timestamp_ -"
          + " job_duedate_) s from act_hi_job_log where act_id_ = '" + TIMER + "' and job_state_ = 2) t");
      String spread = text(db, "select coalesce(round(extract(epoch from max(job_duedate_) - min(job_duedate_))"
          + "::numeric, 1) || ' s between the first and the last due date', 'none') from act_hi_job_log"
          + " where act_id_ = '" + TIMER + "' and job_state_ = 2");

      figures.put("cases in pf_project", projects);
      figures.put("timers fired", timerFired + " (deemed acceptances recorded: " + deemed
          + ", pf_project.deemed_accepted: " + deemedAccepted + ")");
      figures.put("timers fired twice", timerTwice + " (job log); deemed acceptance job twice: " + deemedRanTwice
          + "; recorded twice in pf_case_event: " + deemedRecordedTwice);
      figures.put("timer due dates", spread);
      figures.put("timer lateness (fired - due)", lateness);
      figures.put("timer jobs per node", timerHosts.toString());
      figures.put("all jobs per node", allHosts.toString());
      figures.put("yellow reminders", yellowRows + " mails for " + yellowTasks + " of " + intakeTasks
          + " intake reviews (" + recipientsPerTask + " recipients each); recorded in pf_case_event for "
          + yellowRecorded);
      figures.put("intake reviews never reminded", unreminded + " (neither yellow nor, first seen overdue, red)");
      figures.put("yellow reminders twice", yellowTwice + " (per task and recipient); recorded twice: "
          + yellowRecordedTwice + "; tasks with another number of mails: " + unevenTasks);
      figures.put("overdue notices", redRows + " mails; twice: " + redTwice + "; recorded twice: "
          + redRecordedTwice);
      figures.put("deemed-acceptance notices", deemedNotices + " mails; twice: " + deemedNoticesTwice);
      figures.put("failed job attempts (retried)", failedAttempts);
      figures.put("jobs with retries exhausted", exhausted);
      figures.put("incidents", incidents);

      check(failures, projects == created.get(), "pf_project holds " + projects + " cases, " + created + " created");
      check(failures, timerFired == created.get(), timerFired + " timers fired for " + created + " cases");
      check(failures, deemed == created.get() && deemedAccepted == created.get() && deemedRan == created.get(),
          "deemed acceptance recorded " + deemed + ", flagged " + deemedAccepted + ", job ran " + deemedRan
              + " for " + created + " cases");
      check(failures, timerTwice == 0 && deemedRanTwice == 0 && deemedRecordedTwice == 0, "a timer fired twice");
      check(failures, unreminded == 0 && yellowRecorded == yellowTasks,
          unreminded + " of " + intakeTasks + " intake reviews were never reminded (yellow reminders queued for "
              + yellowTasks + ", recorded for " + yellowRecorded + ")");
      check(failures, yellowTwice == 0 && yellowRecordedTwice == 0 && unevenTasks == 0, "a reminder doubled");
      check(failures, redTwice == 0 && redRecordedTwice == 0, "an overdue notice doubled");
      check(failures, deemedNoticesTwice == 0 && deemedNotices == created.get() * (long) groupSize(db),
          deemedNotices + " deemed-acceptance notices");
      check(failures, exhausted == 0 && incidents == 0, exhausted + " jobs out of retries, " + incidents
          + " incidents");
      check(failures, timerHosts.size() == 2 && timerHosts.values().stream().allMatch(v -> v > 0),
          "timers ran on " + timerHosts.keySet() + ", not on both nodes");
    }

    System.out.println();
    System.out.println("R3 two nodes: summary");
    figures.forEach((k, v) -> System.out.printf("  %-32s %s%n", k + ":", v));
    if (failures.isEmpty()) {
      System.out.println("All checks passed.");
    } else {
      failures.forEach(f -> System.out.println("FAILED: " + f));
      System.exit(1);
    }
  }

  static void check(List<String> failures, boolean ok, String what) {
    if (!ok) {
      failures.add(what);
    }
  }

  static long millis(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1_000_000;
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Members of the supervision office with an e-mail address: each deemed acceptance tells every one of them. */
  static long groupSize(Connection db) throws SQLException {
    return count(db, "select count(*) from act_id_membership m join act_id_user u on u.id_ = m.user_id_"
        + " where m.group_id_ = 'supervision' and coalesce(u.email_, '') <> ''");
  }

  /** Successful job executions per engine hostname, for one activity or (null) for all jobs. */
  static Map<String, Long> byHost(Connection db, String activity) throws SQLException {
    Map<String, Long> hosts = new LinkedHashMap<>();
    String sql = "select coalesce(hostname_, '?'), count(*) from act_hi_job_log where job_state_ = 2"
        + (activity == null ? "" : " and act_id_ = '" + activity + "'") + " group by 1 order by 1";
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        hosts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return hosts;
  }
}
