// ParkFlow reliability probes: load driver and checks, shared by r1-crash.sh, r2-smtp-outage.sh, r6-db-restart.sh.
// A single-file program for JDK 17: java scripts/reliability/Load.java <mode> [--option value ...]
//
// Modes:
//   run        load: applications (POST /api/projects as enterprise-a/-b) and task completions (engine REST, as the
//              department clerks), --threads in parallel, bounded by --seconds and --requests; every answer is
//              appended to --journal (one line each, flushed), so a crash of ParkFlow mid-run loses no record.
//   check      after the run: every acknowledged application (201) and completion (204) present; no case, task or
//              e-mail (outbox row) doubled.
//   jobs       the jobs that are due now (a crashed node's locked ones among them) all run within --bound seconds.
//   mail       every outbox row sent, and received by the SMTP sink exactly once (counted by Message-ID).
//   smtp-sink  a tiny SMTP server on 127.0.0.1:--port that accepts every message and logs its Message-ID to --log;
//              it offers AUTH and accepts any login (the prod profile authenticates), and with --dir it also keeps
//              each message as <dir>/NNNN.eml (scripts/trial-prod-accounts.sh reads the mail from there).
//
// Only 127.0.0.1/localhost is ever contacted. Exit status: 0 all checks passed, 1 a check failed, 2 bad usage.

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Load {
  static final String PASSWORD = System.getenv().getOrDefault("PARKFLOW_DEMO_PASSWORD", "demo");
  static final String[][] ENTERPRISES = {
      {"enterprise-a", "91360124MA39PFL7XC", "赣江新材料有限公司"},
      {"enterprise-b", "91360124MA3AQ0KD27", "进贤县精工机械有限公司"}};
  /** Clerks per load thread: no two threads complete the same department's tasks, so they never race for one. */
  static final String[][] CLERKS = {
      {"park-admin-clerk"},
      {"drc-clerk", "natural-resources-clerk"},
      {"ecology-environment-clerk", "emergency-management-clerk"},
      {"housing-construction-clerk", "investment-promotion-clerk", "county-government-clerk", "finance-clerk"}};

  final Map<String, String> opts;
  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Load(Map<String, String> opts) {
    this.opts = opts;
    this.base = opts.getOrDefault("base", "http://127.0.0.1:8080");
    if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
      throw new IllegalArgumentException("--base must be http://127.0.0.1:<port> or http://localhost:<port>");
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java Load.java run|check|jobs|mail|smtp-sink [--option value ...]");
      System.exit(2);
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (args[0].equals("smtp-sink")) {
      smtpSink(Integer.parseInt(opts.get("port")), Path.of(opts.get("log")),
          opts.containsKey("dir") ? Path.of(opts.get("dir")) : null);
      return;
    }
    Load load = new Load(opts);
    boolean ok = switch (args[0]) {
      case "run" -> load.run();
      case "check" -> load.check();
      case "jobs" -> load.jobs();
      case "mail" -> load.mail();
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    };
    System.exit(ok ? 0 : 1);
  }

  // ---------------------------------------------------------------------------------------------------------- run

  record Answer(int status, String body, Map<String, List<String>> headers, long millis) {}

  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger noAnswer = new AtomicInteger();
  final AtomicInteger unavailableProblem = new AtomicInteger();
  final AtomicInteger otherServerErrors = new AtomicInteger();
  final AtomicLong slowest = new AtomicLong();
  final Map<Integer, AtomicInteger> byStatus = new TreeMap<>();

  boolean run() throws Exception {
    int threads = Integer.parseInt(opts.getOrDefault("threads", "4"));
    long seconds = Long.parseLong(opts.getOrDefault("seconds", "60"));
    long until = System.currentTimeMillis() + 1000L * seconds;
    // by default enough requests for the whole time at the pace of 4 threads on a small machine (about 20/s)
    long maxRequests = Long.parseLong(opts.getOrDefault("requests", Long.toString(40 * seconds)));
    String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis() % 1_000_000));
    Path journal = Path.of(opts.get("journal"));
    Path stopFile = opts.containsKey("stop-file") ? Path.of(opts.get("stop-file")) : null;
    AtomicInteger applicationNo = new AtomicInteger();
    try (Writer out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String[] clerks = CLERKS[t % CLERKS.length];
        Thread worker = new Thread(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (System.currentTimeMillis() < until && requests.get() < maxRequests
              && (stopFile == null || !Files.exists(stopFile))) {
            if (random.nextInt(3) == 0) {
              apply(out, runId + "-" + applicationNo.incrementAndGet(), random.nextInt(2));
            } else {
              complete(out, clerks[random.nextInt(clerks.length)]);
            }
          }
        }, "load-" + t);
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
    }
    System.out.printf("load: %d requests, answers by status %s, no answer (connection refused/timeout) %d, "
            + "503 problem+json %d, other 5xx %d, slowest %.1f s%n", requests.get(), byStatus, noAnswer.get(),
        unavailableProblem.get(), otherServerErrors.get(), slowest.get() / 1000.0);
    boolean ok = otherServerErrors.get() == 0;
    if (opts.containsKey("max-seconds-per-request")) {
      ok &= slowest.get() <= 1000L * Long.parseLong(opts.get("max-seconds-per-request"));
    }
    System.out.println("load: " + (ok ? "PASS" : "FAIL") + " (no 5xx other than 503 problem+json"
        + (opts.containsKey("max-seconds-per-request") ? ", no request slower than "
        + opts.get("max-seconds-per-request") + " s" : "") + ")");
    return ok;
  }

  void apply(Writer out, String seq, int which) {
    String[] e = ENTERPRISES[which];
    String name = "可靠性探测项目" + seq;
    String body = "{\"enterpriseName\":\"" + e[2] + "\",\"creditCode\":\"" + e[1] + "\",\"projectName\":\"" + name
        + "\",\"industryCode\":\"30\",\"location\":\"进贤县产业园区新材料片区\",\"totalInvestment\":28000,"
        + "\"fixedAssetInvestment\":22000,\"landArea\":80,\"annualEnergyTce\":1500,\"hazardousChemicals\":false,"
        + "\"expectedAnnualTax\":1200,\"annualElectricityKwh\":320.5,\"industrialPolicyDeclaration\":true,"
        + "\"constructionScaleAndContent\":\"新建生产厂房 3.2 万平方米，购置生产线 4 条\","
        + "\"contactEmail\":\"" + e[0] + "@parkflow.local\"}";
    Answer a = send("POST", "/api/projects", e[0], body);
    String code = a != null && a.status() == 201 ? string(parse(a.body()), "projectCode") : "";
    record(out, "apply", a, name, code == null ? "" : code);
  }

  void complete(Writer out, String clerk) {
    Answer list = send("GET", "/engine-rest/task?processDefinitionKey=project-approval&maxResults=10", clerk, null);
    if (list == null || list.status() != 200) {
      record(out, "tasks", list, clerk, "");
      pause(500);
      return;
    }
    List<Object> tasks = list(parse(list.body()));
    if (tasks.isEmpty()) {
      pause(300);
      return;
    }
    Map<String, Object> task = map(tasks.get(ThreadLocalRandom.current().nextInt(tasks.size())));
    String id = string(task, "id");
    String vars = "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
        + "\"opinion\":{\"value\":\"材料齐全，同意。\",\"type\":\"String\"}}}";
    Answer done = send("POST", "/engine-rest/task/" + id + "/complete", clerk, vars);
    record(out, "complete", done, id, clerk + " " + string(task, "taskDefinitionKey"));
  }

  void record(Writer out, String kind, Answer a, String key, String detail) {
    String status = a == null ? "ERR" : Integer.toString(a.status());
    synchronized (out) {
      try {
        out.write(kind + "\t" + status + "\t" + key + "\t" + detail + "\n");
        out.flush();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  Answer send(String method, String path, String user, String json) {
    requests.incrementAndGet();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (json != null) {
      b.header("Content-Type", "application/json").method(method,
          HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    long start = System.currentTimeMillis();
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      long millis = System.currentTimeMillis() - start;
      slowest.accumulateAndGet(millis, Math::max);
      synchronized (byStatus) {
        byStatus.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
      }
      if (r.statusCode() == 503 && r.headers().firstValue("Content-Type").orElse("")
          .startsWith("application/problem+json") && r.headers().firstValue("Retry-After").isPresent()) {
        unavailableProblem.incrementAndGet();
      } else if (r.statusCode() >= 500) {
        otherServerErrors.incrementAndGet();
        System.out.println("5xx: " + method + " " + path + " -> " + r.statusCode() + " "
            + r.body().substring(0, Math.min(300, r.body().length())));
      }
      return new Answer(r.statusCode(), r.body(), r.headers().map(), millis);
    } catch (IOException e) {
      slowest.accumulateAndGet(System.currentTimeMillis() - start, Math::max);
      noAnswer.incrementAndGet();
      pause(500);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------------------- check

  boolean check() throws IOException {
    List<String[]> lines = Files.readAllLines(Path.of(opts.get("journal")), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    Map<String, Integer> casesByName = new HashMap<>();
    for (Object c : pages("/api/projects?", "limit", "offset", 200)) {
      casesByName.merge(string(map(c).get("application"), "projectName"), 1, Integer::sum);
    }
    long doubledCases = casesByName.entrySet().stream().filter(e -> e.getValue() > 1)
        .peek(e -> System.out.println("doubled case: " + e.getKey() + " x" + e.getValue())).count();
    int ackedApplications = 0;
    int lostApplications = 0;
    for (String[] l : lines) {
      if (l[0].equals("apply") && l[1].equals("201")) {
        ackedApplications++;
        Answer a = l[3].isEmpty() ? null : get("/api/projects/" + l[3]);
        boolean byCode = a != null && a.status() == 200
            && l[2].equals(string(map(parse(a.body())).get("application"), "projectName"));
        if (!byCode && !casesByName.containsKey(l[2])) {
          lostApplications++;
          System.out.println("lost application: " + l[2] + " " + l[3]);
        }
      }
    }
    int ackedCompletions = 0;
    int lostCompletions = 0;
    for (String[] l : lines) {
      if (l[0].equals("complete") && l[1].equals("204")) {
        ackedCompletions++;
        List<Object> h = list(parse(get("/engine-rest/history/task?taskId=" + l[2]).body()));
        if (h.size() != 1 || map(h.get(0)).get("endTime") == null
            || !"completed".equals(string(map(h.get(0)), "deleteReason"))) {
          lostCompletions++;
          System.out.println("lost completion: task " + l[2] + " " + l[3]);
        }
      }
    }
    Map<String, Integer> tasksByStep = new HashMap<>();
    for (Object t : pages("/engine-rest/history/task?processDefinitionKey=project-approval&", "maxResults",
        "firstResult", 1000)) {
      Map<String, Object> task = map(t);
      tasksByStep.merge(string(task, "processInstanceId") + " " + string(task, "taskDefinitionKey") + " "
          + string(task, "name"), 1, Integer::sum);
    }
    long doubledTasks = tasksByStep.entrySet().stream().filter(e -> e.getValue() > 1)
        .peek(e -> System.out.println("doubled task: " + e.getKey() + " x" + e.getValue())).count();

    Map<String, Integer> mails = new HashMap<>();
    for (Object m : pages("/api/admin/outbox?", "limit", "offset", 500)) {
      Map<String, Object> mail = map(m);
      mails.merge(string(mail, "to") + "\n" + string(mail, "subject") + "\n" + string(mail, "body"), 1,
          Integer::sum);
    }
    long doubledMails = mails.values().stream().filter(n -> n > 1).count();

    System.out.printf("check: applications acknowledged %d, lost %d; completions acknowledged %d, lost %d; "
            + "cases %d, doubled %d; tasks %d, doubled %d; e-mails (outbox rows) %d, doubled %d%n",
        ackedApplications, lostApplications, ackedCompletions, lostCompletions, casesByName.size(), doubledCases,
        tasksByStep.size(), doubledTasks, mails.size(), doubledMails);
    boolean ok = lostApplications == 0 && lostCompletions == 0 && doubledCases == 0 && doubledTasks == 0
        && doubledMails == 0;
    System.out.println("check: " + (ok ? "PASS" : "FAIL"));
    return ok;
  }

  // --------------------------------------------------------------------------------------------------------- jobs

  boolean jobs() {
    long bound = Long.parseLong(opts.getOrDefault("bound", "60"));
    long start = System.currentTimeMillis();
    Set<String> waiting = new HashSet<>();
    for (Object j : list(parse(get("/engine-rest/job?executable=true&maxResults=2000").body()))) {
      waiting.add(string(map(j), "id"));
    }
    int atStart = waiting.size();
    while (!waiting.isEmpty() && System.currentTimeMillis() - start < 1000 * (bound + 60)) {
      pause(1000);
      Set<String> still = new HashSet<>();
      for (Object j : list(parse(get("/engine-rest/job?maxResults=2000").body()))) {
        still.add(string(map(j), "id"));
      }
      waiting.retainAll(still);
    }
    double seconds = (System.currentTimeMillis() - start) / 1000.0;
    boolean ok = waiting.isEmpty() && seconds <= bound;
    System.out.printf("jobs: %d due at the start, %s after %.0f s (bound %d s): %s%n", atStart,
        waiting.isEmpty() ? "all ran" : waiting.size() + " still waiting", seconds, bound, ok ? "PASS" : "FAIL");
    return ok;
  }

  // --------------------------------------------------------------------------------------------------------- mail

  boolean mail() throws IOException {
    long waitSeconds = Long.parseLong(opts.getOrDefault("wait", "1200"));
    long start = System.currentTimeMillis();
    List<Object> rows = pages("/api/admin/outbox?", "limit", "offset", 500);
    while (rows.stream().anyMatch(r -> "queued".equals(string(map(r), "status")))
        && System.currentTimeMillis() - start < 1000 * waitSeconds) {
      pause(5000);
      rows = pages("/api/admin/outbox?", "limit", "offset", 500);
    }
    Map<String, Integer> received = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(opts.get("sink-log")), StandardCharsets.UTF_8)) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<outbox\\.(\\d+)\\.").matcher(line);
      if (m.find()) {
        received.merge(m.group(1), 1, Integer::sum);
      }
    }
    Map<String, Integer> byStatus = new TreeMap<>();
    int once = 0;
    int twice = 0;
    int lost = 0;
    for (Object r : rows) {
      Map<String, Object> row = map(r);
      byStatus.merge(string(row, "status"), 1, Integer::sum);
      int n = received.getOrDefault(number(row, "id"), 0);
      if (n == 1) {
        once++;
      } else if (n > 1) {
        twice++;
        System.out.println("delivered " + n + " times: outbox row " + number(row, "id"));
      } else {
        lost++;
        System.out.println("not delivered: outbox row " + number(row, "id") + " " + string(row, "status") + " "
            + string(row, "lastError"));
      }
    }
    boolean ok = lost == 0 && twice == 0;
    System.out.printf("mail: outbox rows %d %s; delivered once %d, more than once %d, not delivered %d "
        + "(after %.0f s of waiting for the queue): %s%n", rows.size(), byStatus, once, twice, lost,
        (System.currentTimeMillis() - start) / 1000.0, ok ? "PASS" : "FAIL");
    return ok;
  }

  // ---------------------------------------------------------------------------------------------------- smtp-sink

  static final java.util.concurrent.atomic.AtomicInteger RECEIVED = new java.util.concurrent.atomic.AtomicInteger();

  static void smtpSink(int port, Path log, Path dir) throws IOException {
    if (dir != null) {
      Files.createDirectories(dir);
    }
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      System.out.println("smtp-sink: listening on 127.0.0.1:" + port + ", logging Message-IDs to " + log);
      while (true) {
        Socket client = server.accept();
        Thread session = new Thread(() -> smtpSession(client, out, dir));
        session.setDaemon(true);
        session.start();
      }
    }
  }

  static void smtpSession(Socket client, Writer log, Path dir) {
    try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
        StandardCharsets.ISO_8859_1)); OutputStream raw = client.getOutputStream()) {
      PrintWriter out = new PrintWriter(raw, true, StandardCharsets.ISO_8859_1);
      out.print("220 parkflow-probe ESMTP\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO" -> out.print("250-parkflow-probe\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n");
          case "AUTH" -> {
            // any login is accepted: AUTH LOGIN asks for the user and the password, AUTH PLAIN without its argument
            // for the credentials
            boolean initialResponse = line.trim().split(" +").length > 2;
            int prompts = (line.toUpperCase().startsWith("AUTH LOGIN") ? 2 : 1) - (initialResponse ? 1 : 0);
            for (int i = 0; i < prompts; i++) {
              out.print("334 \r\n");
              out.flush();
              in.readLine();
            }
            out.print("235 accepted\r\n");
          }
          case "DATA" -> {
            out.print("354 end with .\r\n");
            out.flush();
            String messageId = null;
            boolean headers = true;
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
              if (line.isEmpty()) {
                headers = false;
              } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
              }
            }
            synchronized (log) {
              log.write(System.currentTimeMillis() + "\t" + messageId + "\n");
              log.flush();
            }
            if (dir != null) {
              Files.writeString(dir.resolve(String.format("%04d.eml", RECEIVED.incrementAndGet())), message,
                  StandardCharsets.ISO_8859_1);
            }
            out.print("250 queued\r\n");
          }
          case "QUIT" -> {
            out.print("221 bye\r\n");
            out.flush();
            return;
          }
          default -> out.print("250 ok\r\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away; whatever it did not finish it sends again
    }
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  Answer get(String path) {
    for (int attempt = 0; ; attempt++) {
      Answer a = send("GET", path, opts.getOrDefault("admin", "admin"), null);
      if (a != null && a.status() < 500 || attempt >= 10) {
        return a;
      }
      pause(2000);
    }
  }

  List<Object> pages(String path, String limitName, String offsetName, int size) {
    List<Object> all = new ArrayList<>();
    for (int offset = 0; ; offset += size) {
      Answer a = get(path + limitName + "=" + size + "&" + offsetName + "=" + offset);
      if (a == null || a.status() != 200) {
        throw new IllegalStateException("GET " + path + " failed: " + (a == null ? "no answer" : a.status()));
      }
      List<Object> page = list(parse(a.body()));
      all.addAll(page);
      if (page.size() < size) {
        return all;
      }
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  static String string(Object o, String key) {
    Object v = map(o).get(key);
    return v == null ? null : v.toString();
  }

  static String number(Map<String, Object> o, String key) {
    Object v = o.get(key);
    return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
  }

  /** A small JSON reader: objects, arrays, strings, numbers (as Double), booleans, null. */
  static Object parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    int[] at = {0};
    return value(json, at);
  }

  static Object value(String s, int[] at) {
    skip(s, at);
    char c = s.charAt(at[0]);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      at[0]++;
      skip(s, at);
      if (s.charAt(at[0]) == '}') {
        at[0]++;
        return m;
      }
      while (true) {
        skip(s, at);
        String key = (String) value(s, at);
        skip(s, at);
        at[0]++; // ':'
        m.put(key, value(s, at));
        skip(s, at);
        if (s.charAt(at[0]++) == '}') {
          return m;
        }
      }
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      at[0]++;
      skip(s, at);
      if (s.charAt(at[0]) == ']') {
        at[0]++;
        return l;
      }
      while (true) {
        l.add(value(s, at));
        skip(s, at);
        if (s.charAt(at[0]++) == ']') {
          return l;
        }
      }
    }
    if (c == '"') {
      StringBuilder b = new StringBuilder();
      at[0]++;
      while (s.charAt(at[0]) != '"') {
        char ch = s.charAt(at[0]++);
        if (ch == '\\') {
          char e = s.charAt(at[0]++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
              at[0] += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(ch);
        }
      }
      at[0]++;
      return b.toString();
    }
    if (s.startsWith("true", at[0])) {
      at[0] += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", at[0])) {
      at[0] += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", at[0])) {
      at[0] += 4;
      return null;
    }
    int start = at[0];
    while (at[0] < s.length() && "+-0123456789.eE".indexOf(s.charAt(at[0])) >= 0) {
      at[0]++;
    }
    return Double.parseDouble(s.substring(start, at[0]));
  }

  static void skip(String s, int[] at) {
    while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
      at[0]++;
    }
  }
}
