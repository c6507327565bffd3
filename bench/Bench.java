import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The throughput benchmark's driver (docs/benchmarks.md, "Throughput against plain Camunda"). One file, JDK 17 only:
 * {@code java bench/Bench.java <command> [--option value]...}. It talks to 127.0.0.1 only and every run is bounded in
 * time (warm-up + measured window + at most 30 s to let the last requests finish).
 *
 * <ul>
 *   <li>{@code run}: the workload against one side ({@code --target plain|parkflow}); writes its figures as a
 *       properties file ({@code --out});
 *   <li>{@code compare}: reads the two properties files and prints the side-by-side table with the ratio, also to
 *       {@code --out} (Markdown); {@code --labels "first|second"} names the columns when both are ParkFlow;
 *   <li>{@code cases}: real ParkFlow cases for the scale benchmark's templates (see {@link #cases});
 *   <li>{@code tasklist}: closed-loop task-list queries for a fixed time (the scale benchmark); prints p50/p95/p99 and
 *       queries per second, and writes them to {@code --out}.
 * </ul>
 */
public class Bench {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final int TASKS_PER_CASE = 6;
  static final String DEPARTMENT_QUERY = "/engine-rest/task?candidateGroup=drc&maxResults=50";
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern PROJECT_CODE = Pattern.compile("\"projectCode\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: java bench/Bench.java run|compare|tasklist [--option value]...");
    }
    Map<String, String> opts = options(args);
    switch (args[0]) {
      case "run" -> run(opts);
      case "compare" -> compare(opts);
      case "tasklist" -> tasklist(opts);
      case "cases" -> cases(opts);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value at " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  /** Only the local machine: the benchmark must never load anything else. */
  static String localUrl(String url) {
    URI uri = URI.create(url);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("only http://127.0.0.1:<port> is allowed, not " + url);
    }
    return url.replace("localhost", "127.0.0.1").replaceAll("/$", "");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Recording

  /** Latencies of one request kind, kept only for requests started inside the measured window. */
  static final class Kind {
    final List<Long> nanos = new ArrayList<>();
    long errors;
    String firstError;

    synchronized void add(long n) {
      nanos.add(n);
    }

    synchronized void error(String what) {
      errors++;
      if (firstError == null) {
        firstError = what;
      }
    }

    synchronized double percentile(double p) {
      if (nanos.isEmpty()) {
        return Double.NaN;
      }
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    synchronized int count() {
      return nanos.size();
    }
  }

  static final class Recorder {
    final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    volatile long windowStart = Long.MAX_VALUE;
    volatile long windowEnd = Long.MAX_VALUE;
    final AtomicLong completions = new AtomicLong();
    final AtomicLong cases = new AtomicLong();
    /** The longest department task list seen (a check that the query finds tasks, not just answers 200). */
    final AtomicLong taskListMax = new AtomicLong();

    Kind kind(String name) {
      return kinds.computeIfAbsent(name, k -> new Kind());
    }

    boolean inWindow(long t) {
      return t >= windowStart && t < windowEnd;
    }
  }

  record Answer(int status, String body) {}

  /** One HTTP call, timed; a status outside 2xx counts as an error of its kind. */
  static Answer call(Recorder rec, String kind, HttpRequest request) {
    long t0 = System.nanoTime();
    Answer answer;
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      answer = new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      answer = new Answer(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = new Answer(-1, "interrupted");
    }
    record(rec, kind, t0, System.nanoTime(), answer);
    return answer;
  }

  static void record(Recorder rec, String kind, long t0, long t1, Answer answer) {
    if (rec.inWindow(t0)) {
      if (answer.status() / 100 == 2) {
        rec.kind(kind).add(t1 - t0);
      } else {
        rec.kind(kind).error(answer.status() + " " + abbreviate(answer.body()));
      }
    }
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static HttpRequest.Builder request(String url, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  static HttpRequest get(String url, String user) {
    return request(url, user).GET().build();
  }

  static HttpRequest post(String url, String user, String json) {
    return request(url, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The two sides

  /** What differs between the sides: how a case starts, and who calls the engine. */
  interface Side {
    /** Starts one case; answers its process instance id, or null when the start failed. */
    String start(Recorder rec, int worker, long n);

    /** The account that completes tasks and reads the case (null: no authentication). */
    String engineUser();

    /** The account that reads the department task list (null: no authentication). */
    String departmentUser();
  }

  static final class Plain implements Side {
    final String base;

    Plain(String base) {
      this.base = base;
    }

    @Override
    public String start(Recorder rec, int worker, long n) {
      Answer a = call(rec, "start", post(base + "/engine-rest/process-definition/key/bench-case/start", null,
          "{\"businessKey\":\"bench-" + worker + "-" + n + "\"}"));
      return a.status() == 200 ? firstMatch(ID, a.body()) : null;
    }

    @Override
    public String engineUser() {
      return null;
    }

    @Override
    public String departmentUser() {
      return null;
    }
  }

  /**
   * ParkFlow: {@code enterprise-a} applies through {@code POST /api/projects} with a chemical plant (industry 26,
   * 20,000 万元, 50 亩, 1,500 tce, hazardous chemicals), which the routing table gives a DRC filing (recorded
   * automatically) and four department reviews (land pre-review, EIA report, energy review, safety review); the
   * process instance is found by its business key, the project code. {@code admin} completes the tasks.
   */
  static final class ParkFlow implements Side {
    final String base;
    final String runId = Long.toString(System.currentTimeMillis(), 36);

    ParkFlow(String base) {
      this.base = base;
    }

    String application(int worker, long n) {
      return """
          {"enterpriseName":"赣江新材料有限公司","creditCode":"91360124MA39PFL7XC",\
          "projectName":"基准测试化工项目-%s-%d-%d","industryCode":"26","location":"进贤县产业园区新材料片区",\
          "totalInvestment":20000,"fixedAssetInvestment":16000,"landArea":50,"annualEnergyTce":1500,\
          "hazardousChemicals":true,"expectedAnnualTax":800,"contactEmail":"enterprise-a@parkflow.local",
          "constructionScaleAndContent":"新建生产厂房 2 万平方米，购置生产线 3 条","industrialPolicyDeclaration":true,
          "annualElectricityKwh":120}"""
          .formatted(runId, worker, n);
    }

    @Override
    public String start(Recorder rec, int worker, long n) {
      Answer a = call(rec, "start", post(base + "/api/projects", "enterprise-a", application(worker, n)));
      String code = a.status() == 201 ? firstMatch(PROJECT_CODE, a.body()) : null;
      if (code == null) {
        return null;
      }
      Answer found = call(rec, "find-instance",
          get(base + "/engine-rest/process-instance?businessKey=" + code, "admin"));
      return found.status() == 200 ? firstMatch(ID, found.body()) : null;
    }

    @Override
    public String engineUser() {
      return "admin";
    }

    @Override
    public String departmentUser() {
      return "drc-clerk";
    }
  }

  static String firstMatch(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  static List<String> ids(String json) {
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(json);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The variables ParkFlow's decision rules require of a review or decision task; the peer gets the same ones. */
  static final String COMPLETE_BODY = """
      {"variables":{"decision":{"value":"approve","type":"String"},\
      "opinion":{"value":"材料齐全，符合要求，同意。","type":"String"}}}""";

  /** One closed-loop worker: starts a case, completes its six tasks as they appear, reads the case once. */
  static void worker(Side side, String base, Recorder rec, int worker, long[] stop) {
    long n = 0;
    while (System.nanoTime() < stop[0]) {
      String instance = side.start(rec, worker, n++);
      if (instance == null) {
        sleep(200);
        continue;
      }
      long caseDeadline = Math.min(stop[0], System.nanoTime() + Duration.ofSeconds(120).toNanos());
      if (drive(side, base, rec, instance, TASKS_PER_CASE, caseDeadline) && rec.inWindow(System.nanoTime())) {
        rec.cases.incrementAndGet();
      }
    }
  }

  /**
   * Completes {@code tasks} tasks of a case as they appear (querying the case's own tasks), reads the process
   * instance after the first completion, and answers whether all were completed before {@code deadline}.
   */
  static boolean drive(Side side, String base, Recorder rec, String instance, int tasks, long deadline) {
    int done = 0;
    boolean read = false;
    while (done < tasks && System.nanoTime() < deadline) {
      Answer answer = call(rec, "case-tasks",
          get(base + "/engine-rest/task?processInstanceId=" + instance, side.engineUser()));
      List<String> open = answer.status() == 200 ? ids(answer.body()) : List.of();
      for (String task : open) {
        if (done == tasks) {
          break;
        }
        Answer c = call(rec, "complete",
            post(base + "/engine-rest/task/" + task + "/complete", side.engineUser(), COMPLETE_BODY));
        if (c.status() == 204) {
          done++;
          if (rec.inWindow(System.nanoTime())) {
            rec.completions.incrementAndGet();
          }
        }
      }
      if (done > 0 && !read) {
        call(rec, "get-process-instance", get(base + "/engine-rest/process-instance/" + instance, side.engineUser()));
        read = true;
      }
      if (open.isEmpty() && done < tasks) {
        sleep(10); // the next tasks wait for the job executor (ParkFlow's asynchronous steps)
      }
    }
    return done == tasks;
  }

  /**
   * Real cases for the scale benchmark: {@code --open} cases taken to the department reviews (intake completed, the
   * four review tasks open) and {@code --finished} cases completed to the end; prints their instance ids.
   */
  static void cases(Map<String, String> opts) {
    String base = localUrl(required(opts, "url"));
    Side side = new ParkFlow(base);
    Recorder rec = new Recorder();
    int open = Integer.parseInt(opts.getOrDefault("open", "1"));
    int finished = Integer.parseInt(opts.getOrDefault("finished", "1"));
    for (int i = 0; i < open + finished; i++) {
      String instance = side.start(rec, 0, i);
      if (instance == null) {
        throw new IllegalStateException("could not start a case");
      }
      boolean toEnd = i >= open;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      if (!drive(side, base, rec, instance, toEnd ? TASKS_PER_CASE : 1, deadline)) {
        throw new IllegalStateException("case " + instance + " did not get through its tasks");
      }
      if (!toEnd) {
        while (ids(call(rec, "case-tasks", get(base + "/engine-rest/task?processInstanceId=" + instance,
            side.engineUser())).body()).size() < TASKS_PER_CASE - 2) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("case " + instance + " did not reach the department reviews");
          }
          sleep(50);
        }
      }
      System.out.println((toEnd ? "finished " : "open ") + instance);
    }
  }

  static Thread started(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void run(Map<String, String> opts) throws Exception {
    String target = required(opts, "target");
    String base = localUrl(required(opts, "url"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "120"));
    int measure = Integer.parseInt(opts.getOrDefault("measure", "60"));
    int workers = Integer.parseInt(opts.getOrDefault("workers", "4"));
    Side side = switch (target) {
      case "plain" -> new Plain(base);
      case "parkflow" -> new ParkFlow(base);
      default -> throw new IllegalArgumentException("--target plain|parkflow");
    };
    ProcessCpu cpu = new ProcessCpu(opts.get("java-pid"), opts.get("pg-data"));
    Recorder rec = new Recorder();
    long begin = System.nanoTime();
    rec.windowStart = begin + Duration.ofSeconds(warmup).toNanos();
    rec.windowEnd = rec.windowStart + Duration.ofSeconds(measure).toNanos();
    long hardStop = rec.windowEnd + Duration.ofSeconds(30).toNanos();
    long[] stop = {rec.windowEnd};

    System.out.printf(Locale.ROOT, "%s at %s: %d workers, %d s warm-up, %d s measured%n", target, base, workers,
        warmup, measure);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(started("worker-" + w, () -> worker(side, base, rec, worker, stop)));
    }
    // The task list is read every 100 ms whatever the answers take (open loop), with at most 5 queries in flight;
    // a tick that finds 5 in flight is skipped and counted.
    AtomicLong inFlight = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    threads.add(started("task-list", () -> {
      long next = System.nanoTime();
      while (System.nanoTime() < stop[0]) {
        if (inFlight.get() < 5) {
          inFlight.incrementAndGet();
          long t0 = System.nanoTime();
          HTTP.sendAsync(get(base + DEPARTMENT_QUERY, side.departmentUser()),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((r, e) -> {
                inFlight.decrementAndGet();
                Answer list = e != null ? new Answer(-1, e.toString()) : new Answer(r.statusCode(), r.body());
                record(rec, "task-list", t0, System.nanoTime(), list);
                if (list.status() == 200) {
                  rec.taskListMax.accumulateAndGet(ids(list.body()).size(), Math::max);
                }
              });
        } else if (rec.inWindow(System.nanoTime())) {
          skipped.incrementAndGet();
        }
        next += Duration.ofMillis(100).toNanos();
        sleepUntil(next);
      }
    }));

    sleepUntil(rec.windowStart);
    ProcessCpu.Sample before = cpu.sample();
    System.out.println("warm-up done; measuring");
    sleepUntil(rec.windowEnd);
    ProcessCpu.Sample after = cpu.sample();
    long peakRss = cpu.peakRssKb();
    System.out.println("measured window done; waiting for the last requests");
    for (Thread t : threads) {
      t.join(Math.max(1, (hardStop - System.nanoTime()) / 1_000_000));
    }

    Properties out = new Properties();
    out.setProperty("target", target);
    out.setProperty("workers", Integer.toString(workers));
    out.setProperty("warmupSeconds", Integer.toString(warmup));
    out.setProperty("measureSeconds", Integer.toString(measure));
    out.setProperty("completions", Long.toString(rec.completions.get()));
    out.setProperty("cases", Long.toString(rec.cases.get()));
    out.setProperty("completionsPerSecond", fmt(rec.completions.get() / (double) measure));
    out.setProperty("casesPerSecond", fmt(rec.cases.get() / (double) measure));
    for (Map.Entry<String, Kind> e : rec.kinds.entrySet()) {
      Kind k = e.getValue();
      out.setProperty(e.getKey() + ".count", Integer.toString(k.count()));
      out.setProperty(e.getKey() + ".errors", Long.toString(k.errors));
      out.setProperty(e.getKey() + ".p50", fmt(k.percentile(50)));
      out.setProperty(e.getKey() + ".p95", fmt(k.percentile(95)));
      out.setProperty(e.getKey() + ".p99", fmt(k.percentile(99)));
      if (k.firstError != null) {
        out.setProperty(e.getKey() + ".firstError", k.firstError);
      }
    }
    out.setProperty("taskListMaxSize", Long.toString(rec.taskListMax.get()));
    out.setProperty("taskListSkipped", Long.toString(skipped.get()));
    long cases = rec.cases.get();
    if (before != null && after != null && cases > 0) {
      out.setProperty("cpuAppMsPerCase", fmt((after.javaMs() - before.javaMs()) / (double) cases));
      out.setProperty("cpuPostgresMsPerCase", fmt((after.postgresMs() - before.postgresMs()) / (double) cases));
    }
    if (peakRss > 0) {
      out.setProperty("peakRssMb", fmt(peakRss / 1024.0));
    }
    if (opts.containsKey("start-seconds")) {
      out.setProperty("startSeconds", opts.get("start-seconds"));
    }
    new java.util.TreeMap<>(out).forEach((k, v) -> System.out.println(k + " = " + v));
    if (opts.containsKey("out")) {
      Path file = Path.of(opts.get("out"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.store(w, "Bench.java run --target " + target);
      }
    }
  }

  static void sleepUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      sleep(Math.max(1, wait / 1_000_000));
    }
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // CPU and memory from /proc

  /**
   * CPU time of the application's JVM and of every process of its PostgreSQL server (found by the data folder's
   * {@code postmaster.pid}): utime+stime of the postmaster and of each live child, plus the postmaster's cutime+cstime,
   * which holds the time of backends that have already exited.
   */
  static final class ProcessCpu {
    final String javaPid;
    final Path pgData;
    final double msPerTick;

    record Sample(double javaMs, double postgresMs) {}

    ProcessCpu(String javaPid, String pgData) {
      this.javaPid = javaPid;
      this.pgData = pgData == null ? null : Path.of(pgData);
      this.msPerTick = 1000.0 / clockTicks();
    }

    static long clockTicks() {
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return Long.parseLong(s);
      } catch (IOException | NumberFormatException e) {
        return 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 100;
      }
    }

    /** Fields of /proc/PID/stat after the command name: index 0 is field 3 (state). */
    static String[] stat(String pid) {
      try {
        String s = Files.readString(Path.of("/proc", pid, "stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
      } catch (IOException e) {
        return null;
      }
    }

    Sample sample() {
      if (javaPid == null || pgData == null) {
        return null;
      }
      String[] java = stat(javaPid);
      if (java == null) {
        return null;
      }
      double javaTicks = Long.parseLong(java[11]) + Long.parseLong(java[12]);
      String postmaster;
      try {
        postmaster = Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      double pgTicks = 0;
      String[] pm = stat(postmaster);
      if (pm != null) {
        pgTicks += Long.parseLong(pm[11]) + Long.parseLong(pm[12]) + Long.parseLong(pm[13]) + Long.parseLong(pm[14]);
      }
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          String[] st = stat(p.getFileName().toString());
          if (st != null && st[1].equals(postmaster)) {
            pgTicks += Long.parseLong(st[11]) + Long.parseLong(st[12]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Sample(javaTicks * msPerTick, pgTicks * msPerTick);
    }

    /** VmHWM of the JVM: its peak resident set size, in KB. */
    long peakRssKb() {
      if (javaPid == null) {
        return -1;
      }
      try {
        for (String line : Files.readAllLines(Path.of("/proc", javaPid, "status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return -1;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The side-by-side table

  static void compare(Map<String, String> opts) throws IOException {
    Properties plain = load(required(opts, "plain"));
    Properties parkflow = load(required(opts, "parkflow"));
    StringBuilder md = new StringBuilder();
    md.append(opts.getOrDefault("title", "Throughput: plain Camunda against ParkFlow")).append("\n\n");
    Properties run = plain.containsKey("workers") ? plain : parkflow;
    md.append(String.format(Locale.ROOT, "%s workers, %s s warm-up, %s s measured.%n%n",
        run.getProperty("workers"), run.getProperty("warmupSeconds"), run.getProperty("measureSeconds")));
    // --labels "first|second": the two columns' names (the scale benchmark compares ParkFlow with itself)
    String[] labels = opts.getOrDefault("labels", "plain Camunda|ParkFlow").split("\\|", 2);
    String ratioLabel = opts.containsKey("labels") ? "second / first" : "ParkFlow / plain";
    md.append("| figure | ").append(labels[0]).append(" | ").append(labels[1]).append(" | ").append(ratioLabel)
        .append(" |\n|---|---:|---:|---:|\n");
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("completions/s", "completionsPerSecond");
    rows.put("cases/s", "casesPerSecond");
    rows.put("cases finished in the window", "cases");
    for (String kind : List.of("start", "case-tasks", "complete", "get-process-instance", "task-list",
        "find-instance")) {
      for (String p : List.of("p50", "p95", "p99")) {
        rows.put(kind + " " + p + " (ms)", kind + "." + p);
      }
      rows.put(kind + " requests (errors)", kind + ".count");
    }
    rows.put("longest department task list seen", "taskListMaxSize");
    rows.put("task-list ticks skipped (5 in flight)", "taskListSkipped");
    rows.put("CPU per case, application (ms)", "cpuAppMsPerCase");
    rows.put("CPU per case, PostgreSQL (ms)", "cpuPostgresMsPerCase");
    rows.put("peak RSS of the JVM (MB)", "peakRssMb");
    rows.put("start time (s)", "startSeconds");
    for (Map.Entry<String, String> row : rows.entrySet()) {
      String key = row.getValue();
      String a = value(plain, key);
      String b = value(parkflow, key);
      if (a.isEmpty() && b.isEmpty()) {
        continue;
      }
      md.append("| ").append(row.getKey()).append(" | ").append(a).append(" | ").append(b).append(" | ")
          .append(ratio(plain.getProperty(key), parkflow.getProperty(key))).append(" |\n");
    }
    for (Properties p : List.of(plain, parkflow)) {
      for (String name : p.stringPropertyNames()) {
        if (name.endsWith(".firstError")) {
          md.append("\n").append(p.getProperty("target")).append(", first error of ").append(name, 0,
              name.length() - ".firstError".length()).append(": `").append(p.getProperty(name).replace('`', '\''))
              .append("`\n");
        }
      }
    }
    System.out.print(md);
    if (opts.containsKey("out")) {
      Path file = Path.of(opts.get("out"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }
  }

  static String value(Properties p, String key) {
    String v = p.getProperty(key, "");
    if (key.endsWith(".count") && !v.isEmpty()) {
      String errors = p.getProperty(key.replace(".count", ".errors"), "0");
      return v + " (" + errors + ")";
    }
    return v;
  }

  static String ratio(String a, String b) {
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      return x == 0 ? "" : String.format(Locale.ROOT, "%.2f", y / x);
    } catch (NumberFormatException | NullPointerException e) {
      return "";
    }
  }

  static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The scale benchmark's task list

  /** Closed-loop task-list queries by {@code --workers} threads for {@code --seconds} after one second of warm-up. */
  static void tasklist(Map<String, String> opts) throws Exception {
    String base = localUrl(required(opts, "url"));
    String user = opts.getOrDefault("user", "drc-clerk");
    String query = opts.getOrDefault("query", DEPARTMENT_QUERY);
    int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
    int workers = Integer.parseInt(opts.getOrDefault("workers", "4"));
    Recorder rec = new Recorder();
    long begin = System.nanoTime();
    rec.windowStart = begin + Duration.ofSeconds(1).toNanos();
    rec.windowEnd = rec.windowStart + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      threads.add(started("task-list-" + w, () -> {
        while (System.nanoTime() < rec.windowEnd) {
          call(rec, "task-list", get(base + query, user));
        }
      }));
    }
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(seconds + 40).toMillis());
    }
    Kind k = rec.kind("task-list");
    String label = opts.getOrDefault("label", "");
    String line = String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s |", label, k.count(), k.errors,
        fmt(k.count() / (double) seconds), fmt(k.percentile(50)), fmt(k.percentile(95)), fmt(k.percentile(99)));
    System.out.println(line);
    if (k.firstError != null) {
      System.out.println("first error: " + k.firstError);
    }
    if (opts.containsKey("out")) {
      Path file = Path.of(opts.get("out"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }
}
