import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a side's CPU went in the measured window: reads the Java Flight Recording of {@code scripts/bench.sh --profile}
 * ({@code java bench/Profile.java target/bench/parkflow.jfr}) and prints, as Markdown, the share of the execution
 * samples that pass through each part of the request path (inclusive: a sample in a ParkFlow listener inside a task
 * completion counts for both), then each sample given to one part only, the innermost that matches.
 */
public class Profile {
  /** Parts of the request path, by a pattern over one frame ({@code class.method}); innermost listed first. */
  static final Map<String, Pattern> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put("DMN evaluation (FEEL)", Pattern.compile("org\\.camunda\\.bpm\\.dmn\\."));
    PARTS.put("ParkFlow listeners, delegates and rules inside the engine",
        Pattern.compile("^cn\\.parkflow\\..*(Listener|Delegate|Guard|Recorder|TaskName|Rule|Rules)\\b.*"));
    PARTS.put("engine authorization checks", Pattern.compile("AuthorizationManager\\.(checkAuthorization|isAuthorized"
        + "|configureQuery|filterAuthenticatedGroupIds)"));
    PARTS.put("engine history events", Pattern.compile("HistoryEventProducer|DbHistoryEventHandler"));
    PARTS.put("engine flush (inserts, updates, deletes)", Pattern.compile("DbEntityManager\\.flush$"));
    PARTS.put("engine queries (MyBatis, JDBC)", Pattern.compile("DbSqlSession\\.select|DbEntityManager\\.select"));
    PARTS.put("engine command (other)", Pattern.compile("CommandContextInterceptor\\.execute$"));
    PARTS.put("ParkFlow API (/api, outside engine commands)", Pattern.compile("^cn\\.parkflow\\..*Controller\\."));
    PARTS.put("ParkFlow request checks (servlet filters, outside engine commands)",
        Pattern.compile("^cn\\.parkflow\\.(web|task)\\..*doFilterInternal$"));
    PARTS.put("engine REST: Jersey, routing, JSON", Pattern.compile("org\\.glassfish\\.jersey\\.servlet\\.ServletContainer\\.service"));
    PARTS.put("Spring Security (authentication, filter chain)", Pattern.compile("org\\.springframework\\.security\\."));
    PARTS.put("Tomcat, HTTP", Pattern.compile("org\\.apache\\.(coyote|tomcat|catalina)\\."));
    PARTS.put("job executor", Pattern.compile("JobExecutor|ExecuteJobsRunnable|AcquireJobsRunnable"));
  }

  /** Who asked for the work: the innermost of these, so engine work inside a filter's own lookup is the filter's. */
  static final Map<String, Pattern> ENTRIES = new LinkedHashMap<>();

  static {
    ENTRIES.put("engine REST resources (/engine-rest, the webapps' engine API)",
        Pattern.compile("^org\\.camunda\\.bpm\\.engine\\.rest\\.(impl|sub)\\."));
    ENTRIES.put("ParkFlow API controllers", Pattern.compile("^cn\\.parkflow\\..*Controller\\."));
    ENTRIES.put("ParkFlow scheduled scans and the outbox", Pattern.compile("^cn\\.parkflow\\..*(Scan|Schedule|Outbox)"));
    ENTRIES.put("job executor", Pattern.compile("JobExecutor|ExecuteJobsRunnable|AcquireJobsRunnable"));
    ENTRIES.put("ParkFlow servlet filters (their own checks and look-ups)",
        Pattern.compile("^cn\\.parkflow\\.[a-z.]+\\.[A-Za-z]*(Filter|RequestCheck|TaskRecordAccess)"));
    ENTRIES.put("Spring Security", Pattern.compile("org\\.springframework\\.security\\."));
    ENTRIES.put("Tomcat and Jersey outside the resource methods", Pattern.compile("org\\.apache\\.(coyote|tomcat|catalina)\\."));
  }

  public static void main(String[] args) throws Exception {
    List<List<String>> samples = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
      samples.add(frames);
    }
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    Map<String, Integer> innermost = new LinkedHashMap<>();
    PARTS.keySet().forEach(k -> {
      inclusive.put(k, 0);
      innermost.put(k, 0);
    });
    innermost.put("other", 0);
    for (List<String> frames : samples) {
      String first = null;
      int firstDepth = Integer.MAX_VALUE;
      for (Map.Entry<String, Pattern> part : PARTS.entrySet()) {
        int depth = -1;
        for (int i = 0; i < frames.size(); i++) {
          if (part.getValue().matcher(frames.get(i)).find()) {
            depth = i;
            break;
          }
        }
        if (depth >= 0) {
          inclusive.merge(part.getKey(), 1, Integer::sum);
          if (depth < firstDepth) {
            firstDepth = depth;
            first = part.getKey();
          }
        }
      }
      innermost.merge(first == null ? "other" : first, 1, Integer::sum);
    }
    Map<String, Integer> byEntry = new LinkedHashMap<>();
    ENTRIES.keySet().forEach(k -> byEntry.put(k, 0));
    byEntry.put("other", 0);
    for (List<String> frames : samples) {
      String entry = "other";
      search:
      for (String frame : frames) {
        for (Map.Entry<String, Pattern> e : ENTRIES.entrySet()) {
          if (e.getValue().matcher(frame).find()) {
            entry = e.getKey();
            break search;
          }
        }
      }
      byEntry.merge(entry, 1, Integer::sum);
    }
    int n = Math.max(1, samples.size());
    System.out.printf("%d execution samples in %s%n%n", samples.size(), args[0]);
    System.out.println("| part of the request path | samples through it (%) | samples in it, innermost part (%) |");
    System.out.println("|---|---:|---:|");
    for (String part : innermost.keySet()) {
      System.out.printf("| %s | %s | %.1f |%n", part,
          inclusive.containsKey(part) ? String.format("%.1f", 100.0 * inclusive.get(part) / n) : "",
          100.0 * innermost.get(part) / n);
    }
    System.out.println();
    System.out.println("| who asked for the work (innermost) | samples (%) |");
    System.out.println("|---|---:|");
    byEntry.forEach((entry, count) -> System.out.printf("| %s | %.1f |%n", entry, 100.0 * count / n));
  }
}
