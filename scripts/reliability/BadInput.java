// R4 bad input: sends a generated corpus of malformed requests to a running ParkFlow (127.0.0.1 only) and checks
// that none answers 5xx, that every 400 names its field, and that nothing was created or recorded.
//
//   java scripts/reliability/BadInput.java http://127.0.0.1:8080
//
// Single-file program (JDK 17, no dependencies). Sequential, one request at a time, each bounded by a timeout, so it
// never loads the server. Exit status 0 when every check passed, 1 otherwise, 2 on a setup failure.

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BadInput {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final String JSON = "application/json";
  /** The title of ParkFlow's answer to a request Tomcat refuses before the application sees it. */
  static final String UNKNOWN_VERSION = "unknown HTTP version";
  static final String TOMCAT_TITLE = "请求格式有误";
  /** How a 400 of task completion names its field: a decision variable, or the JSON path where reading stopped. */
  static final Pattern ENGINE_FIELD = Pattern.compile("decision|opinion|missingItems|variables|请求正文有误：[^：\\s]+：");
  static final String ENTERPRISE = "enterprise-a";
  static final String CLERK = "park-admin-clerk";
  static final String SUPERVISOR = "supervisor";
  static final String ADMIN = "admin";
  static final String PASSWORD = System.getenv().getOrDefault("PARKFLOW_DEMO_PASSWORD", "demo");
  static final String[] TEXT_FIELDS = {"enterpriseName", "creditCode", "projectName", "industryCode", "location",
      "contactEmail"};
  static final String[] NUMBER_FIELDS = {"totalInvestment", "fixedAssetInvestment", "landArea", "annualEnergyTce",
      "expectedAnnualTax"};
  /** JSON string contents (escaped) that no text field may hold. */
  static final Map<String, String> BAD_TEXT = map(
      "NUL", "a\\u0000b", "SOH", "\\u0001", "unit separator", "x\\u001f", "DEL", "x\\u007f", "C1 NEL", "\\u0085x",
      "lone high surrogate", "\\ud800", "lone low surrogate", "ab\\udfff", "reversed pair", "\\udc00\\ud800");
  /** JSON number tokens that no amount may be. */
  static final Map<String, String> BAD_NUMBER = map(
      "1e400", "1e400", "-1e400", "-1e400", "1e-400", "1e-400", "1e999999999", "1e999999999",
      "exponent overflow", "1E+2147483648", "400 digits", "1" + "0".repeat(400), "2000 digits", "9".repeat(2000));
  /** JSON values of the wrong type. */
  static final Map<String, String> WRONG_TYPE = map("object", "{}", "array", "[1]", "boolean", "true", "null", "null");
  static final List<String> MEDIA_TYPES = List.of("*/*", "application/json-patch+json", "application/merge-patch+json",
      "application/problem+json", "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
      "application/json; version=2", "application/json;;", "@@@", "NO CONTENT TYPE");

  final String base;
  final int port;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  final List<Probe> corpus = new ArrayList<>();
  int versionNotSupported;
  final List<String> failures = new ArrayList<>();
  final Map<String, Integer> byStatus = new TreeMap<>();
  final Map<String, Integer> byGroup = new TreeMap<>();

  /** One malformed request. {@code field}: the field a 400 must name (null: any field will do). */
  record Probe(String group, String name, String method, String path, String user, String contentType, byte[] body,
      String field, String rawRequest) {}

  record Answer(int status, String contentType, String body) {}

  BadInput(String base) {
    this.base = base.replaceAll("/+$", "");
    URI uri = URI.create(this.base);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("only a local ParkFlow (127.0.0.1) is probed: " + base);
    }
    this.port = uri.getPort();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java scripts/reliability/BadInput.java http://127.0.0.1:<port>");
      System.exit(2);
    }
    BadInput run = new BadInput(args[0]);
    System.exit(run.run());
  }

  int run() throws Exception {
    String application = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
        "docs/examples/application.json")), StandardCharsets.UTF_8);
    Answer applied = send(new Probe("setup", "apply", "POST", "/api/projects", ENTERPRISE, JSON,
        utf8(application), null, null));
    Matcher code = Pattern.compile("\"projectCode\"\\s*:\\s*\"([^\"]+)\"").matcher(applied.body());
    if (applied.status() != 201 || !code.find()) {
      System.err.println("setup: applying failed: " + applied.status() + " " + applied.body());
      return 2;
    }
    String caseCode = code.group(1);
    String taskId = waitForTask(caseCode);
    if (taskId == null) {
      System.err.println("setup: no open intake task for " + caseCode);
      return 2;
    }
    System.out.printf("Setup: case %s, its intake task %s.%n", caseCode, taskId);

    generate(application, caseCode, taskId);
    Map<String, String> before = settledCounts(caseCode, taskId);
    long started = System.nanoTime();
    for (Probe p : corpus) {
      check(p);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Map<String, String> after = settledCounts(caseCode, taskId);
    before.forEach((what, value) -> {
      if (!value.equals(after.get(what))) {
        failures.add("created or changed: " + what + " was " + value + ", is " + after.get(what));
      }
    });

    System.out.printf("%nR4 bad input: %d malformed requests in %.1f s (sequential).%n", corpus.size(),
        millis / 1000.0);
    System.out.println("Requests by target: " + byGroup);
    System.out.println("Answers by status: " + byStatus);
    System.out.println("Counts before and after (must be equal):");
    before.forEach((what, value) -> System.out.printf("  %-42s %s -> %s%n", what, value, after.get(what)));
    long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
        .mapToLong(Map.Entry::getValue).sum() - versionNotSupported;
    System.out.printf("5xx answers: %d (not counted: %d × 505 to HTTP/9.9, the status RFC 9110 prescribes for an"
        + " unimplemented HTTP version); failed checks: %d%n", fiveHundreds, versionNotSupported, failures.size());
    failures.stream().limit(60).forEach(f -> System.out.println("  FAIL " + f));
    if (failures.size() > 60) {
      System.out.println("  … and " + (failures.size() - 60) + " more");
    }
    System.out.println(failures.isEmpty() ? "R4 PASSED" : "R4 FAILED");
    return failures.isEmpty() ? 0 : 1;
  }

  // ---------------------------------------------------------------- corpus

  void generate(String application, String caseCode, String taskId) {
    String app = application.strip();
    // POST /api/projects: the example application broken one way at a time
    bodies("POST /api/projects", "/api/projects", ENTERPRISE, app);
    for (String f : TEXT_FIELDS) {
      BAD_TEXT.forEach((n, v) -> body("POST /api/projects", f + " " + n, "/api/projects", ENTERPRISE,
          replace(app, f, "\"" + v + "\""), f));
    }
    for (String f : NUMBER_FIELDS) {
      BAD_NUMBER.forEach((n, v) -> body("POST /api/projects", f + " " + n, "/api/projects", ENTERPRISE,
          replace(app, f, v), f));
    }
    for (String f : concat(TEXT_FIELDS, NUMBER_FIELDS, new String[] {"hazardousChemicals"})) {
      WRONG_TYPE.forEach((n, v) -> {
        if (!(f.equals("hazardousChemicals") && n.equals("boolean"))) {
          body("POST /api/projects", f + " " + n, "/api/projects", ENTERPRISE, replace(app, f, v), f);
        }
      });
      if (f.equals("hazardousChemicals")) {
        body("POST /api/projects", f + " string", "/api/projects", ENTERPRISE, replace(app, f, "\"false\""), f);
      }
      body("POST /api/projects", f + " twice", "/api/projects", ENTERPRISE,
          "{\"" + f + "\":" + value(app, f) + "," + app.substring(1), f);
    }
    body("POST /api/projects", "raw control character", "/api/projects", ENTERPRISE,
        replace(app, "projectName", "\"项目\u0001名称\""), "projectName");
    body("POST /api/projects", "NUL in a field name", "/api/projects", ENTERPRISE,
        "{\"pro\\u0000ject\":1," + app.substring(1), "pro\\u0000ject");
    body("POST /api/projects", "surrogate in a field name", "/api/projects", ENTERPRISE,
        "{\"\\ud800\":1," + app.substring(1), "\\uD800");
    add("POST /api/projects", "Idempotency-Key of 10 000 characters", "POST", "/api/projects", ENTERPRISE, JSON,
        utf8(app), "Idempotency-Key", "Idempotency-Key: " + "k".repeat(10_000));

    // supplement and withdrawal of the case, and urging its task
    String supplement = "/api/projects/" + caseCode + "/supplement";
    String supplementBody = "{\"note\":\"补正说明\",\"changes\":{\"landArea\":60}}";
    bodies("POST /api/projects/{code}/supplement", supplement, ENTERPRISE, supplementBody);
    BAD_TEXT.forEach((n, v) -> body("POST /api/projects/{code}/supplement", "note " + n, supplement, ENTERPRISE,
        "{\"note\":\"" + v + "\"}", "note"));
    BAD_TEXT.forEach((n, v) -> body("POST /api/projects/{code}/supplement", "changes.location " + n, supplement,
        ENTERPRISE, "{\"note\":\"补正\",\"changes\":{\"location\":\"" + v + "\"}}", "changes.location"));
    BAD_NUMBER.forEach((n, v) -> body("POST /api/projects/{code}/supplement", "changes.landArea " + n, supplement,
        ENTERPRISE, "{\"note\":\"补正\",\"changes\":{\"landArea\":" + v + "}}", "changes.landArea"));
    body("POST /api/projects/{code}/supplement", "changes twice", supplement, ENTERPRISE,
        "{\"note\":\"补正\",\"changes\":{\"landArea\":1,\"landArea\":2}}", "changes.landArea");
    body("POST /api/projects/{code}/supplement", "unknown case", "/api/projects/2026-360124-30-03-999999/supplement",
        ENTERPRISE, "{\"note\":\"\\u0000\"}", null);

    String withdrawal = "/api/projects/" + caseCode + "/withdrawal";
    bodies("POST /api/projects/{code}/withdrawal", withdrawal, ENTERPRISE, "{\"reason\":\"不再建设\"}");
    BAD_TEXT.forEach((n, v) -> body("POST /api/projects/{code}/withdrawal", "reason " + n, withdrawal, ENTERPRISE,
        "{\"reason\":\"撤回" + v + "\"}", "reason"));
    WRONG_TYPE.forEach((n, v) -> body("POST /api/projects/{code}/withdrawal", "reason " + n, withdrawal, ENTERPRISE,
        "{\"reason\":" + v + "}", "reason"));

    String urge = "/api/supervision/tasks/" + taskId + "/urge";
    bodies("POST /api/supervision/tasks/{id}/urge", urge, SUPERVISOR, "{\"note\":\"请尽快办理\"}");
    BAD_TEXT.forEach((n, v) -> body("POST /api/supervision/tasks/{id}/urge", "note " + n, urge, SUPERVISOR,
        "{\"note\":\"催办" + v + "\"}", "note"));
    body("POST /api/supervision/tasks/{id}/urge", "note of 501 characters", urge, SUPERVISOR,
        "{\"note\":\"" + "催".repeat(501) + "\"}", "note");
    body("POST /api/supervision/tasks/{id}/urge", "note object", urge, SUPERVISOR, "{\"note\":{}}", "note");
    body("POST /api/supervision/tasks/{id}/urge", "unknown field", urge, SUPERVISOR, "{\"note\":\"x\",\"to\":1}", null);

    // query parameters and path variables of the GET endpoints
    for (String v : List.of("-1", "0", "201", "1e400", "NaN", "", "%20", "99999999999999999999", "%00", "0x10",
        "5;1", "%E2%80%8B5", "%ED%A0%80")) {
      get("GET /api/projects", "limit=" + v, "/api/projects?limit=" + v, ENTERPRISE, null);
      get("GET /api/projects", "offset=" + v, "/api/projects?offset=" + v + "&limit=1", ENTERPRISE, null);
      get("GET /api/admin/outbox", "limit=" + v, "/api/admin/outbox?limit=" + v, ADMIN, null);
    }
    for (String v : List.of("bogus", "%00", "SENT%00", "%ED%A0%80", "x".repeat(3000))) {
      get("GET /api/admin/outbox", "status=" + abbreviate(v), "/api/admin/outbox?status=" + v, ADMIN, "status");
    }
    for (String v : List.of("%00", "%ED%A0%80", "a%27%20or%201%3D1--", "x".repeat(3000))) {
      get("GET /api/admin/outbox", "to=" + abbreviate(v), "/api/admin/outbox?to=" + v, ADMIN, null);
    }
    for (String code : List.of("x", "%20", "..%2F..", "%2e%2e", "a;b=c", "x".repeat(3000), "%ED%A0%80",
        "%C0%AF", "2026-360124-30-03-%00", "%F0%9F%98%80", "null", "-1")) {
      get("GET /api/projects/{code}", abbreviate(code), "/api/projects/" + code, ENTERPRISE, null);
    }
    for (String[] q : List.of(new String[] {"-999999999-01-01T00:00:00Z", "5wd", "from"},
        new String[] {"%2B999999999-12-31T00:00:00Z", "5wd", "from"}, new String[] {"1999-12-31T09:00", "1wd", "from"},
        new String[] {"2101-01-01T09:00", "1wd", "from"}, new String[] {"2100-12-20T09:00", "30wd", "add"},
        new String[] {"2026-01-01T09:00", "P999999999Y", "add"}, new String[] {"2026-01-01T09:00", "99999999999wd", "add"},
        new String[] {"2026-01-01T09:00", "-5wd", "add"}, new String[] {"2026-01-01T09:00", "PT-1S", "add"},
        new String[] {"2026-01-01T09:00", "%00", "add"}, new String[] {"%00", "1wd", "from"},
        new String[] {"2026-13-45T99:00", "1wd", "from"}, new String[] {"2026-01-01T09:00", "", "add"},
        new String[] {"x".repeat(3000), "1wd", "from"}, new String[] {"2026-01-01T09:00", "1e400wd", "add"},
        new String[] {"2026-01-01T09:00", "P1Y%ED%A0%80", "add"})) {
      get("GET /api/calendar/deadline", abbreviate(q[0]) + " + " + q[1],
          "/api/calendar/deadline?from=" + q[0] + "&add=" + q[1], ENTERPRISE, q[2]);
    }
    for (String year : List.of("1999", "2101", "-1", "0", "-999999999", "99999999999", "1e3", "abc", "%20",
        "%ED%A0%80", "2026.0", "%00")) {
      get("GET /api/calendar/{year}", year, "/api/calendar/" + year, ENTERPRISE, "year");
    }

    // task completion through the engine REST API: every body is wrong, none may complete the task
    for (String action : List.of("complete", "submit-form")) {
      String path = "/engine-rest/task/" + taskId + "/" + action;
      String group = "POST /engine-rest/task/{id}/" + action;
      String valid = "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}";
      for (Map.Entry<String, String> e : genericBodies(valid).entrySet()) {
        add(group, e.getKey(), "POST", path, CLERK, JSON, bytes(e.getValue()), null, null);
      }
      Map<String, String> decisions = map(
          "no decision", "{\"variables\":{}}",
          "no variables", "{}",
          "decision bogus", "{\"variables\":{\"decision\":{\"value\":\"maybe\"}}}",
          "decision empty", "{\"variables\":{\"decision\":{\"value\":\"\"}}}",
          "decision null", "{\"variables\":{\"decision\":{\"value\":null}}}",
          "decision number", "{\"variables\":{\"decision\":{\"value\":1}}}",
          "decision 1e400", "{\"variables\":{\"decision\":{\"value\":1e400}}}",
          "decision object", "{\"variables\":{\"decision\":{\"value\":{}}}}",
          "decision as a plain string", "{\"variables\":{\"decision\":\"approve\"}}",
          "decision NUL", "{\"variables\":{\"decision\":{\"value\":\"approve\\u0000\"}}}",
          "decision surrogate", "{\"variables\":{\"decision\":{\"value\":\"\\ud800\"}}}",
          "decision typed Integer", "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"Integer\"}}}",
          "decision as serialized Java", "{\"variables\":{\"decision\":{\"value\":\"rO0ABXQAB2FwcHJvdmU=\","
              + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
              + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}",
          "reject without opinion", "{\"variables\":{\"decision\":{\"value\":\"reject\"}}}",
          "return without missingItems", "{\"variables\":{\"decision\":{\"value\":\"return\"},"
              + "\"opinion\":{\"value\":\"缺材料\"}}}",
          "opinion NUL", "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"不\\u0000\"}}}",
          "opinion surrogate", "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"\\udfff\"}}}",
          "missingItems control", "{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"缺\"},"
              + "\"missingItems\":{\"value\":\"\\u0008\"}}}",
          "foreign variable", "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"landArea\":{\"value\":0}}}",
          "variables an array", "{\"variables\":[]}",
          "decision twice", "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"decision\":{\"value\":\"approve\"}}}",
          "trailing data", valid + valid);
      decisions.forEach((n, b) -> add(group, n, "POST", path, CLERK, JSON, utf8(b), null, null));
      for (String type : List.of("*/*", "text/plain", "application/json-patch+json", "application/xml")) {
        add(group, "Content-Type " + type, "POST", path, CLERK, type, utf8(valid), null, null);
      }
      for (String id : List.of("00000000-0000-0000-0000-000000000000", "x", "x".repeat(3000), "%20", "..%2Ftask")) {
        add(group, "task " + abbreviate(id), "POST", "/engine-rest/task/" + id + "/" + action, CLERK, JSON,
            utf8(valid), null, null);
      }
    }

    // requests Tomcat itself refuses, sent over a raw socket
    String auth = "Authorization: Basic " + basic(ENTERPRISE) + "\r\n";
    Map<String, String> raw = map(
        "bad percent-encoding", "GET /api/projects/%zz HTTP/1.1\r\n",
        "lone percent", "GET /api/projects/% HTTP/1.1\r\n",
        "NUL in the path", "GET /api/projects/%00 HTTP/1.1\r\n",
        "brace in the path", "GET /api/projects/{x} HTTP/1.1\r\n",
        "pipe in the path", "GET /engine-rest/task/a|b HTTP/1.1\r\n",
        "space in the path", "GET /api/projects/a b HTTP/1.1\r\n",
        "request line of 20 000 characters", "GET /api/projects?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n",
        "header of 20 000 characters", "GET /api/projects HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n",
        "control character in a header", "GET /api/projects HTTP/1.1\r\nX-Bad: a\u0001b\r\n",
        "header without a colon", "GET /api/projects HTTP/1.1\r\nNoColon\r\n",
        UNKNOWN_VERSION, "GET /api/projects HTTP/9.9\r\n",
        "bad method token", "G(T /api/projects HTTP/1.1\r\n",
        "Content-Length and chunked", "POST /api/projects HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n",
        "negative Content-Length", "POST /api/projects HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: -1\r\n",
        "two Content-Lengths", "POST /api/projects HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nContent-Length: 3\r\n",
        "bad chunk size", "POST /api/projects HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n",
        "engine REST bad percent-encoding", "GET /engine-rest/task/%zz HTTP/1.1\r\n");
    raw.forEach((n, head) -> {
      int endOfLine = head.indexOf("\r\n") + 2;
      String request = head.substring(0, endOfLine) + "Host: 127.0.0.1\r\n" + auth + head.substring(endOfLine)
          + "Connection: close\r\n\r\n" + (n.equals("bad chunk size") ? "zz\r\n{}\r\n0\r\n\r\n"
          : n.contains("Content-Length") ? "{}" : "");
      add("raw request (Tomcat)", n, null, null, null, null, null, null, request);
    });
  }

  /** The generic breakages of a body (and the media types) for one endpoint. */
  void bodies(String group, String path, String user, String valid) {
    genericBodies(valid).forEach((n, b) -> add(group, n, "POST", path, user, JSON, bytes(b), null, null));
    for (String type : MEDIA_TYPES) {
      add(group, "Content-Type " + type, "POST", path, user, type.equals("NO CONTENT TYPE") ? null : type,
          utf8(valid), null, null);
    }
  }

  /** Bodies that are not one clean JSON object; ISO-8859-1 strings stand for raw bytes. */
  Map<String, String> genericBodies(String valid) {
    String utf8 = latin1(valid);
    Map<String, String> b = new LinkedHashMap<>();
    b.put("empty body", "");
    b.put("whitespace only", " \r\n\t");
    b.put("truncated", utf8.substring(0, utf8.length() / 2));
    b.put("only {", "{");
    b.put("array", "[]");
    b.put("array of the object", "[" + utf8 + "]");
    b.put("null", "null");
    b.put("string", "\"text\"");
    b.put("number", "42");
    b.put("two objects", utf8 + utf8);
    b.put("object then garbage", utf8 + " x");
    b.put("object then array", utf8 + "\n[]");
    b.put("trailing comma", utf8.substring(0, utf8.lastIndexOf('}')) + ",}");
    b.put("single quotes", "{'note':'x'}");
    b.put("unquoted name", "{note:\"x\"}");
    b.put("comment", "/* c */" + utf8);
    b.put("NaN", "{\"x\":NaN}");
    b.put("leading zeros", "{\"x\":007}");
    b.put("hex number", "{\"x\":0x10}");
    b.put("nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000));
    b.put("string of 300 000 characters", "{\"x\":\"" + "a".repeat(300_000) + "\"}");
    b.put("number of 5000 digits", "{\"x\":" + "7".repeat(5000) + "}");
    b.put("byte 0xFF in a string", changed(utf8, utf8.replaceFirst(":\\s*\"", ":\"\u00ff")));
    b.put("overlong UTF-8", changed(utf8, utf8.replaceFirst(":\\s*\"", ":\"\u00c0\u00af")));
    b.put("UTF-8 encoded surrogate", changed(utf8, utf8.replaceFirst(":\\s*\"", ":\"\u00ed\u00a0\u0080")));
    b.put("truncated UTF-8 sequence", changed(utf8, utf8.replaceFirst(":\\s*\"", ":\"\u00e4\u00b8")));
    b.put("UTF-16 body", new String(valid.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
    b.put("BOM then object then garbage", "\u00ef\u00bb\u00bf" + utf8 + "}");
    return b;
  }

  void body(String group, String name, String path, String user, String json, String field) {
    add(group, name, "POST", path, user, JSON, utf8(json), field, null);
  }

  void get(String group, String name, String path, String user, String field) {
    add(group, name, "GET", path, user, null, null, field, null);
  }

  void add(String group, String name, String method, String path, String user, String contentType, byte[] body,
      String field, String rawOrHeader) {
    corpus.add(new Probe(group, name, method, path, user, contentType, body, field, rawOrHeader));
  }

  // ---------------------------------------------------------------- checks

  void check(Probe p) {
    Answer a;
    try {
      a = send(p);
    } catch (Exception e) {
      failures.add(p.group() + " / " + p.name() + ": no answer (" + e + ")");
      byStatus.merge("none", 1, Integer::sum);
      return;
    }
    byStatus.merge(String.valueOf(a.status()), 1, Integer::sum);
    byGroup.merge(p.group(), 1, Integer::sum);
    String where = p.group() + " / " + p.name() + ": " + a.status() + " ";
    String body = abbreviate(a.body().replaceAll("\\s+", " "));
    if (a.status() == 505 && p.name().equals(UNKNOWN_VERSION)) {
      // RFC 9110's answer to an HTTP version the server does not implement; counted apart, see the summary
      versionNotSupported++;
      return;
    }
    if (a.status() >= 500) {
      failures.add(where + body);
      return;
    }
    boolean engine = p.path() != null && p.path().startsWith("/engine-rest");
    if (a.status() >= 400 && a.contentType().startsWith("text/html")) {
      failures.add(where + "HTML error page");
      return;
    }
    if (a.status() == 400 && (p.method() == null || jsonString(a.body(), "title").equals(TOMCAT_TITLE))) {
      // refused by Tomcat before any field could be read: a problem with a Chinese detail
      if (!a.contentType().startsWith("application/problem+json") || !hasHan(jsonString(a.body(), "detail"))) {
        failures.add(where + "not problem+json with a Chinese detail: " + a.contentType() + " " + body);
      }
      return;
    }
    if (a.status() == 400 && !engine) {
      List<String> fields = errorFields(a.body());
      if (!a.contentType().startsWith("application/problem+json") || fields.isEmpty()) {
        failures.add(where + "names no field: " + a.contentType() + " " + body);
      } else if (p.field() != null && !fields.contains(p.field())) {
        failures.add(where + "names " + fields + ", not " + printable(p.field()));
      }
      return;
    }
    if (a.status() == 400) {
      String message = jsonString(a.body(), "message");
      if (!hasHan(message) || !ENGINE_FIELD.matcher(message).find()) {
        failures.add(where + "the message names no field: " + body);
      }
      return;
    }
    if (a.status() >= 400 && !engine && !a.contentType().startsWith("application/problem+json")) {
      failures.add(where + "not problem+json: " + a.contentType() + " " + body);
    }
    if (a.status() < 300 && p.method() != null && p.method().equals("POST")) {
      failures.add(where + "a malformed POST was accepted: " + body);
    }
  }

  /** The counts that no malformed request may change, read once nothing moves any more. */
  Map<String, String> settledCounts(String caseCode, String taskId) throws Exception {
    Map<String, String> last = counts(caseCode, taskId);
    for (int i = 0; i < 30; i++) {
      Thread.sleep(2000);
      Map<String, String> now = counts(caseCode, taskId);
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  Map<String, String> counts(String caseCode, String taskId) throws Exception {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("cases (GET /api/projects, admin)", String.valueOf(countCases()));
    c.put("process instances (history)", count("/engine-rest/history/process-instance/count"));
    c.put("open tasks", count("/engine-rest/task/count"));
    c.put("tasks ever (history)", count("/engine-rest/history/task/count"));
    c.put("variables (history)", count("/engine-rest/history/variable-instance/count"));
    c.put("user operations (history)", count("/engine-rest/history/user-operation/count"));
    c.put("comments on the intake task", String.valueOf(arrayLength(
        get("/engine-rest/task/" + taskId + "/comment", ADMIN).body())));
    c.put("outbox messages", String.valueOf(arrayLength(get("/api/admin/outbox?limit=500", ADMIN).body())));
    String view = get("/api/projects/" + caseCode, ENTERPRISE).body();
    for (String part : List.of("status", "stage")) {
      c.put("case " + part, jsonString(view, part));
    }
    for (String part : List.of("finishedSteps", "notices", "pendingSupplements", "openSteps")) {
      c.put("case " + part + " (entries)", String.valueOf(arrayLength(arrayAt(view, part))));
    }
    return c;
  }

  long countCases() throws Exception {
    long total = 0;
    for (int offset = 0; ; offset += 200) {
      int n = arrayLength(get("/api/projects?limit=200&offset=" + offset, ADMIN).body());
      total += n;
      if (n < 200) {
        return total;
      }
    }
  }

  String count(String path) throws Exception {
    Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(get(path, ADMIN).body());
    return m.find() ? m.group(1) : "?";
  }

  String waitForTask(String caseCode) throws Exception {
    for (int i = 0; i < 30; i++) {
      String tasks = get("/engine-rest/task?processInstanceBusinessKey=" + caseCode
          + "&taskDefinitionKey=userTask_intakeReview", ADMIN).body();
      Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(tasks);
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(1000);
    }
    return null;
  }

  // ---------------------------------------------------------------- HTTP

  Answer get(String path, String user) throws Exception {
    return send(new Probe("count", path, "GET", path, user, null, null, null, null));
  }

  Answer send(Probe p) throws Exception {
    if (p.method() == null) {
      return raw(p.rawRequest());
    }
    if (p.path().contains(" ") || p.path().contains("{")) {
      return raw(p.method() + " " + p.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
          + basic(p.user()) + "\r\nConnection: close\r\n\r\n");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + p.path())).timeout(TIMEOUT)
        .header("Authorization", "Basic " + basic(p.user()));
    if (p.contentType() != null) {
      b.header("Content-Type", p.contentType());
    }
    if (p.rawRequest() != null) {
      String[] header = p.rawRequest().split(": ", 2);
      b.header(header[0], header[1]);
    }
    b.method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(p.body()));
    HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
        new String(res.body(), StandardCharsets.UTF_8));
  }

  /** One request over a fresh socket; the answer is read until the server closes (Connection: close). */
  Answer raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        answer.write(buffer, 0, n);
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(text);
      if (!status.find()) {
        throw new IOException("no HTTP answer: " + abbreviate(text));
      }
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      Matcher type = Pattern.compile("(?im)^content-type:\\s*(.*)$").matcher(head);
      String body = split < 0 ? "" : text.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Answer(Integer.parseInt(status.group(1)), type.find() ? type.group(1).strip() : "", body);
    }
  }

  static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(i, eol).strip(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies here are read back as UTF-8, so step through by bytes
      byte[] rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String piece = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(piece);
      i = eol + 2 + piece.length() + 2;
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- helpers

  static String basic(String user) {
    return Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** The value token of top-level field {@code field} in the one-field-per-line example application. */
  static String value(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([^,\\n}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no field " + field);
    }
    return m.group(1).strip();
  }

  static String replace(String json, String field, String newValue) {
    return changed(json, json.replaceFirst("(\"" + field + "\"\\s*:\\s*)([^,\\n}]+)", "$1" + Matcher.quoteReplacement(newValue)));
  }

  /** {@code mutated}, which must differ from {@code valid}: a corpus entry that breaks nothing is a corpus bug. */
  static String changed(String valid, String mutated) {
    if (mutated.equals(valid)) {
      throw new IllegalStateException("a generated body equals the valid one: " + abbreviate(valid));
    }
    return mutated;
  }

  static List<String> errorFields(String problem) {
    List<String> fields = new ArrayList<>();
    int errors = problem.indexOf("\"errors\"");
    for (int at = errors; errors >= 0 && (at = problem.indexOf("\"field\"", at + 1)) >= 0; ) {
      String value = stringAfter(problem, at + "\"field\"".length());
      if (value != null) {
        fields.add(value);
      }
    }
    return fields;
  }

  /** The string value of the first {@code "name":} in {@code json}, or "" when there is none. */
  static String jsonString(String json, String name) {
    int at = json.indexOf("\"" + name + "\"");
    String value = at < 0 ? null : stringAfter(json, at + name.length() + 2);
    return value == null ? "" : value;
  }

  /** The JSON string that follows {@code :} at {@code from}, unescaped; null when none follows. */
  static String stringAfter(String json, int from) {
    int i = from;
    while (i < json.length() && (json.charAt(i) == ':' || Character.isWhitespace(json.charAt(i)))) {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != '"') {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (i++; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && i + 1 < json.length()) {
        char e = json.charAt(++i);
        switch (e) {
          case 'u' -> {
            out.append((char) Integer.parseInt(json.substring(i + 1, Math.min(i + 5, json.length())), 16));
            i += 4;
          }
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return null;
  }

  /** The array value of the first {@code "name":} in {@code json}, or "" when there is none. */
  static String arrayAt(String json, String name) {
    int at = json.indexOf("\"" + name + "\":[");
    if (at < 0) {
      return "";
    }
    int start = json.indexOf('[', at);
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return json.substring(start, i + 1);
      }
    }
    return "";
  }

  /** The number of elements of a JSON array; -1 when {@code json} is not one. */
  static int arrayLength(String json) {
    String t = json.strip();
    if (!t.startsWith("[")) {
      return -1;
    }
    int depth = 0;
    int items = 0;
    boolean inString = false;
    boolean any = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> { inString = true; any |= depth == 1; }
        case '[', '{' -> { if (depth == 1) { any = true; } depth++; }
        case ']', '}' -> depth--;
        case ',' -> { if (depth == 1) { items++; } }
        default -> { if (depth == 1 && !Character.isWhitespace(c)) { any = true; } }
      }
    }
    return any ? items + 1 : 0;
  }

  static boolean hasHan(String s) {
    return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate((char) c)
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  static String abbreviate(String s) {
    String p = printable(s);
    return p.length() > 160 ? p.substring(0, 160) + "…(" + p.length() + ")" : p;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A string whose chars are bytes (ISO-8859-1), so bodies can hold bytes that are not UTF-8. */
  static String latin1(String s) {
    return new String(utf8(s), StandardCharsets.ISO_8859_1);
  }

  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  static Map<String, String> map(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
