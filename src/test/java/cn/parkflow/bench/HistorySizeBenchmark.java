package cn.parkflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkFlowApplication;
import cn.parkflow.approval.ProjectApplication;
import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.approval.ProjectStatus;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.task.DecisionRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one finished {@code project-approval} case costs in Camunda's engine history at each history level, and what
 * ParkFlow's own permanent record of it costs (issue 2, item 11; results in {@code docs/benchmarks.md}).
 *
 * <p>Not a test: the class name does not end in {@code Test}, so {@code mvn verify} leaves it out. Run it on purpose:
 *
 * <pre>
 * mvn -B -o test -Dtest=HistorySizeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dparkflow.bench.cases=50
 * </pre>
 *
 * <p>For each level the whole application starts on a database of its own (a fresh embedded PostgreSQL in a
 * temporary folder, so the level stored on the first start is the level measured), under an engine name of its own,
 * without the Camunda webapps (see {@code DurableDefaultRunTest} for why) and without schedulers. It then drives
 * {@code parkflow.bench.cases} cases (default 20) along the path most cases take: the applicant applies; the intake
 * window claims and accepts; the routing opens four department reviews (chemical plant with land, energy use and
 * hazardous chemicals); the land review returns the case with a one-time notice, the others approve; the applicant
 * supplies the documents; the land review approves; the joint decision approves. Clerks claim and complete their
 * tasks as themselves through {@link FormService#submitTaskForm}, as Tasklist does; jobs run by hand.
 *
 * <p>Sizes are taken before and after, over every {@code act_hi_*} table plus the history rows of
 * {@code act_ge_bytearray}: the growth of {@code pg_total_relation_size} (heap, indexes, TOAST: what the disk holds,
 * in whole 8 KB pages), the same after {@code vacuum full} of the history tables, and the growth of the summed
 * {@code pg_column_size} of the rows (the data itself, independent of page allocation and without indexes). The
 * report goes to the log and to {@code target/benchmarks/history-size.md}. Only outcomes are asserted, never
 * timings.
 */
class HistorySizeBenchmark {
  private static final Logger log = LoggerFactory.getLogger(HistorySizeBenchmark.class);

  static final String CASES_PROPERTY = "parkflow.bench.cases";
  static final int DEFAULT_CASES = 20;
  /** Cheapest first; each level records everything the one before it records. */
  static final List<String> LEVELS = List.of("activity", "audit", "full");
  /** The value of {@code act_ge_property.historyLevel} per level name (Camunda's {@code HistoryLevel#getId}). */
  private static final Map<String, String> LEVEL_IDS = Map.of("activity", "1", "audit", "2", "full", "3");
  /** {@code act_ge_bytearray.type_} of history byte arrays (Camunda's {@code ResourceTypes.HISTORY}). */
  private static final int HISTORY_BYTEARRAY_TYPE = 3;
  private static final String HISTORY_BYTEARRAYS = "act_ge_bytearray (history)";
  private static final List<String> RECORD_TABLES = List.of("pf_project", "pf_case_event", "pf_outbox");
  private static final String APPLICANT = "enterprise-a";
  private static final String CREDIT_CODE = "91360124MA39PFL7XC";
  private static final String LAND_DEPARTMENT = "natural-resources";
  /** Intake, four reviews, the returned review again, the joint decision. */
  private static final int TASKS_PER_CASE = 7;
  private static final Set<String> TASK_KEYS =
      Set.of(Elements.INTAKE_REVIEW, Elements.DEPARTMENT_REVIEW, Elements.JOINT_DECISION);
  private static final int TOP_TABLES = 12;
  private static final int TOP_GROUPS = 12;
  private static final String PROCESS_KEY = "project-approval";
  /** The level ParkFlow runs at (application.yaml), whose variable rows the report breaks down. */
  private static final String OUR_LEVEL = "audit";

  @Test
  void historyBytesPerFinishedCase(@TempDir Path work) throws IOException {
    int cases = Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
    assertThat(cases).as(CASES_PROPERTY).isPositive();

    List<LevelResult> results = new ArrayList<>();
    for (String level : LEVELS) {
      results.add(measure(level, cases, work.resolve(level)));
    }

    String report = render(results, cases);
    log.info("History size per finished project-approval case\n{}", report);
    Path out = Path.of("target", "benchmarks", "history-size.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);

    for (LevelResult r : results) {
      assertThat(r.history().rowBytes()).as("history row bytes at %s", r.level()).isPositive();
      assertThat(r.history().rows()).as("history rows at %s", r.level()).isPositive();
      assertThat(r.historyTables().get("act_hi_procinst").rows()).as("finished instances at %s", r.level())
          .isEqualTo(cases);
    }
    for (int i = 1; i < results.size(); i++) {
      LevelResult lower = results.get(i - 1);
      LevelResult higher = results.get(i);
      assertThat(higher.history().rowBytes()).as("%s records more than %s", higher.level(), lower.level())
          .isGreaterThan(lower.history().rowBytes());
      assertThat(higher.history().rows()).as("%s writes more rows than %s", higher.level(), lower.level())
          .isGreaterThan(lower.history().rows());
      assertThat(higher.record()).as("ParkFlow's own record does not depend on the history level")
          .extractingByKey("pf_case_event").extracting(Size::rows)
          .isEqualTo(lower.record().get("pf_case_event").rows());
    }
  }

  private LevelResult measure(String level, int cases, Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    try (ConfigurableApplicationContext context = start(level, dataDir)) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
          .as("history level stored in the benchmark database").isEqualTo(LEVEL_IDS.get(level));

      Map<String, Size> historyBefore = historyTables(jdbc);
      Map<String, Size> recordBefore = sizes(jdbc, RECORD_TABLES);
      Driver driver = new Driver(context);
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        codes.add(driver.runCase(i));
      }
      Map<String, Size> historyAfter = historyTables(jdbc);
      Map<String, Size> recordAfter = sizes(jdbc, RECORD_TABLES);

      driver.assertAllFinished(codes);
      Map<String, Size> history = minus(historyAfter, historyBefore);
      LevelResult result = new LevelResult(level, cases, history, total(history), Size.NONE,
          minus(recordAfter, recordBefore), breakdown(jdbc, "act_hi_varinst", "name_"),
          breakdown(jdbc, "act_hi_detail", "type_ || ' ' || name_"));

      // Old row versions (most history rows are inserted when they start and updated later) and half-filled index
      // pages make the files bigger than the rows; rewritten, the tables show the floor autovacuum works towards.
      historyAfter.keySet().stream().filter(t -> t.startsWith("act_hi_"))
          .forEach(t -> jdbc.execute("vacuum full " + t));
      Map<String, Size> compacted = minus(historyTables(jdbc), historyBefore);
      return result.compacted(total(compacted));
    }
  }

  /** The application as the default run has it, on its own database and engine, at {@code level}. */
  private static ConfigurableApplicationContext start(String level, Path dataDir) {
    return new SpringApplicationBuilder(ParkFlowApplication.class)
        .registerShutdownHook(false)
        // Arguments, not builder properties: those are only defaults, below the test profile's blank data dir.
        .run("--spring.profiles.active=test",
            "--camunda.bpm.history-level=" + level,
            "--camunda.bpm.database.schema-update=true",
            "--camunda.bpm.process-engine-name=history-bench-" + level,
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.metrics.enabled=false",
            "--parkflow.database.embedded=true",
            "--parkflow.database.data-dir=" + dataDir.toAbsolutePath(),
            "--parkflow.database.durable=false",
            "--parkflow.database.port=0",
            "--parkflow.reminders.scheduled=false",
            "--parkflow.mail.scheduled=false",
            "--server.port=0");
  }

  /** Rows and bytes of a table (or of a difference between two snapshots). */
  record Size(long rows, long rowBytes, long relationBytes, long indexBytes) {
    static final Size NONE = new Size(0, 0, 0, 0);

    Size minus(Size other) {
      return new Size(rows - other.rows, rowBytes - other.rowBytes, relationBytes - other.relationBytes,
          indexBytes - other.indexBytes);
    }

    Size plus(Size other) {
      return new Size(rows + other.rows, rowBytes + other.rowBytes, relationBytes + other.relationBytes,
          indexBytes + other.indexBytes);
    }
  }

  /**
   * One level's growth: per history table, in total, in total after {@code vacuum full} ({@code compacted}), of
   * ParkFlow's own tables ({@code record}), and the variable and detail rows of the process grouped by name.
   */
  record LevelResult(String level, int cases, Map<String, Size> historyTables, Size history, Size compacted,
      Map<String, Size> record, Map<String, Size> variables, Map<String, Size> details) {
    LevelResult compacted(Size size) {
      return new LevelResult(level, cases, historyTables, history, size, record, variables, details);
    }
  }

  /** Rows and row bytes of a history table's project-approval rows, grouped by {@code key}, largest first. */
  private static Map<String, Size> breakdown(JdbcTemplate jdbc, String table, String key) {
    Map<String, Size> groups = new LinkedHashMap<>();
    jdbc.query("select " + key + " as k, count(*) as n, sum(pg_column_size(t.*)) as bytes from " + table + " t"
            + " where proc_def_key_ = ? group by 1 order by 3 desc, 1",
        rs -> {
          groups.put(rs.getString("k"), new Size(rs.getLong("n"), rs.getLong("bytes"), 0, 0));
        }, PROCESS_KEY);
    return groups;
  }

  /** Every {@code act_hi_*} table, and the history rows of {@code act_ge_bytearray}. */
  private static Map<String, Size> historyTables(JdbcTemplate jdbc) {
    List<String> tables = jdbc.queryForList("""
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like 'act\\_hi\\_%'
        order by table_name""", String.class);
    assertThat(tables).as("act_hi_* tables").isNotEmpty();
    Map<String, Size> sizes = sizes(jdbc, tables);
    // Byte arrays are shared with the repository and the runtime: count the history rows' bytes, no relation size.
    Map<String, Object> bytes = jdbc.queryForMap(
        "select count(*) as n, coalesce(sum(pg_column_size(b.*)), 0) as bytes from act_ge_bytearray b where type_ = ?",
        HISTORY_BYTEARRAY_TYPE);
    sizes.put(HISTORY_BYTEARRAYS, new Size(((Number) bytes.get("n")).longValue(),
        ((Number) bytes.get("bytes")).longValue(), 0, 0));
    return sizes;
  }

  private static Map<String, Size> sizes(JdbcTemplate jdbc, List<String> tables) {
    Map<String, Size> sizes = new LinkedHashMap<>();
    for (String table : tables) {
      // table names come from the catalogue or from the constants above, never from input
      Map<String, Object> row = jdbc.queryForMap("select count(*) as n, coalesce(sum(pg_column_size(t.*)), 0) as bytes,"
          + " pg_total_relation_size('" + table + "') as relation, pg_indexes_size('" + table + "') as indexes"
          + " from " + table + " t");
      sizes.put(table, new Size(((Number) row.get("n")).longValue(), ((Number) row.get("bytes")).longValue(),
          ((Number) row.get("relation")).longValue(), ((Number) row.get("indexes")).longValue()));
    }
    return sizes;
  }

  private static Map<String, Size> minus(Map<String, Size> after, Map<String, Size> before) {
    Map<String, Size> delta = new LinkedHashMap<>();
    after.forEach((table, size) -> delta.put(table, size.minus(before.getOrDefault(table, Size.NONE))));
    return delta;
  }

  private static Size total(Map<String, Size> tables) {
    return tables.values().stream().reduce(Size.NONE, Size::plus);
  }

  /** Drives cases through the engine the way the API and Tasklist do. */
  private static final class Driver {
    private final ProjectService projectService;
    private final ProjectRepository projects;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CaseRecord caseRecord;

    Driver(ConfigurableApplicationContext context) {
      projectService = context.getBean(ProjectService.class);
      projects = context.getBean(ProjectRepository.class);
      runtimeService = context.getBean(RuntimeService.class);
      taskService = context.getBean(TaskService.class);
      formService = context.getBean(FormService.class);
      managementService = context.getBean(ManagementService.class);
      historyService = context.getBean(HistoryService.class);
      identityService = context.getBean(IdentityService.class);
      caseRecord = context.getBean(CaseRecord.class);
    }

    /** One case from application to approval, with one department return and supplement on the way. */
    String runCase(int n) {
      String code = projectService.apply(application(n), APPLICANT);
      String pi = projects.get(code).processInstanceId();

      work(onlyTask(pi, Elements.INTAKE_REVIEW), DecisionRules.APPROVE, "材料齐全，符合法定形式，予以受理。", null);
      executeJobs(pi);

      List<Task> reviews = tasks(pi, Elements.DEPARTMENT_REVIEW);
      assertThat(reviews).as("department reviews of %s", code).hasSize(4);
      Task land = reviews.stream().filter(t -> LAND_DEPARTMENT.equals(department(t))).findFirst()
          .orElseThrow(() -> new AssertionError("no land pre-review in " + code));
      work(land, DecisionRules.RETURN, "用地红线图比例不符合要求，权属说明缺失。", "1:500 用地红线图\n土地权属说明");
      reviews.stream().filter(t -> !t.getId().equals(land.getId()))
          .forEach(t -> work(t, DecisionRules.APPROVE, "经审查，符合要求，同意。", null));
      executeJobs(pi);
      assertThat(projects.get(code).status()).as("status of %s after the return", code)
          .isEqualTo(ProjectStatus.SUPPLEMENTING);

      projectService.supplement(projects.get(code), "已补充 1:500 用地红线图和土地权属说明。", null, APPLICANT);
      executeJobs(pi);
      work(onlyTask(pi, Elements.DEPARTMENT_REVIEW), DecisionRules.APPROVE, "补正材料齐全，同意用地预审。", null);
      executeJobs(pi);

      work(onlyTask(pi, Elements.JOINT_DECISION), DecisionRules.APPROVE, "各部门审查同意，予以批准。", null);
      executeJobs(pi);
      return code;
    }

    void assertAllFinished(List<String> codes) {
      for (String code : codes) {
        assertThat(projects.get(code).status()).as("status of %s", code).isEqualTo(ProjectStatus.APPROVED);
        assertThat(caseRecord.of(code)).as("user tasks in the case record of %s", code)
            .filteredOn(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()) && e.taskId() != null
                && TASK_KEYS.contains(e.stepKey()))
            .hasSize(TASKS_PER_CASE);
        String pi = projects.get(code).processInstanceId();
        HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi)
            .singleResult();
        assertThat(finished).as("history of %s", code).isNotNull();
        assertThat(finished.getState()).as("state of %s", code).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(pi).count()).as("jobs of %s", code)
            .isZero();
      }
    }

    /** The department's clerk claims the task and submits its form, as in Tasklist. */
    private void work(Task task, String decision, String opinion, String missingItems) {
      String department = department(task);
      assertThat(department).as("candidate group of %s", task.getName()).isNotNull();
      String clerk = department + "-clerk";
      Map<String, Object> form = new HashMap<>();
      form.put(DecisionRules.DECISION, decision);
      form.put(DecisionRules.OPINION, opinion);
      form.put(DecisionRules.MISSING_ITEMS, missingItems);
      identityService.setAuthentication(clerk, List.of(department));
      try {
        taskService.claim(task.getId(), clerk);
        formService.submitTaskForm(task.getId(), form);
      } finally {
        identityService.clearAuthentication();
      }
    }

    private String department(Task task) {
      return taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse(null);
    }

    private List<Task> tasks(String pi, String taskKey) {
      return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list();
    }

    private Task onlyTask(String pi, String taskKey) {
      List<Task> open = tasks(pi, taskKey);
      assertThat(open).as("open %s tasks", taskKey).hasSize(1);
      return open.get(0);
    }

    /** Runs the asynchronous steps that are due now, as the job executor would. */
    private void executeJobs(String pi) {
      for (int round = 0; round < 100; round++) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
        if (jobs.isEmpty()) {
          return;
        }
        jobs.forEach(j -> managementService.executeJob(j.getId()));
      }
      throw new AssertionError("jobs of " + pi + " do not settle");
    }

    /** Chemicals (26), 20,000 万元, 50 亩, 1,500 tce, hazardous: filing, EIA report, land, energy and safety. */
    private static ProjectApplication application(int n) {
      BigDecimal total = new BigDecimal("20000");
      return new ProjectApplication("赣江新材料有限公司", CREDIT_CODE,
          String.format("年产五万吨新材料项目（第 %03d 期）", n),
          "26", "进贤县经济开发区光明路 8 号", total, new BigDecimal("16000"), new BigDecimal("50"),
          new BigDecimal("1500"), true, new BigDecimal("800"), "apply@ganjiang.example.com",
          "新建生产厂房 2 万平方米，购置生产线 3 条", true, new BigDecimal("120"));
    }
  }

  private static String render(List<LevelResult> results, int cases) {
    StringBuilder out = new StringBuilder();
    out.append("Cases per level: ").append(cases)
        .append(" (project-approval: intake approve, 4 department reviews, 1 return + supplement, joint approve)\n\n");
    out.append("| history level | cases | KB per case (relation size) | of which indexes"
        + " | KB per case (relation size after vacuum full) | KB per case (row bytes) | rows per case |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (LevelResult r : results) {
      out.append("| ").append(r.level()).append(" | ").append(r.cases()).append(" | ")
          .append(kb(r.history().relationBytes(), cases)).append(" | ").append(kb(r.history().indexBytes(), cases))
          .append(" | ").append(kb(r.compacted().relationBytes(), cases))
          .append(" | ").append(kb(r.history().rowBytes(), cases)).append(" | ")
          .append(perCase(r.history().rows(), cases)).append(" |\n");
    }

    LevelResult richest = results.get(results.size() - 1);
    List<String> ordered = richest.historyTables().entrySet().stream()
        .filter(e -> e.getValue().rows() > 0)
        .sorted(Comparator.comparingLong((Map.Entry<String, Size> e) -> e.getValue().rowBytes()).reversed())
        .limit(TOP_TABLES).map(Map.Entry::getKey).toList();

    out.append("\nRows per case / row KB per case, by table (top ").append(ordered.size())
        .append(" at ").append(richest.level()).append("):\n\n| table |");
    results.forEach(r -> out.append(' ').append(r.level()).append(" |"));
    out.append("\n|---|");
    results.forEach(r -> out.append("---:|"));
    out.append('\n');
    for (String table : ordered) {
      out.append("| ").append(table).append(" |");
      for (LevelResult r : results) {
        Size s = r.historyTables().getOrDefault(table, Size.NONE);
        out.append(' ').append(perCase(s.rows(), cases)).append(" / ").append(kb(s.rowBytes(), cases)).append(" |");
      }
      out.append('\n');
    }

    out.append("\nParkFlow's permanent record per case (same at every level; from the ").append(richest.level())
        .append(" run):\n\n| table | rows per case | KB per case (row bytes) | KB per case (relation size) |\n")
        .append("|---|---:|---:|---:|\n");
    Size recordTotal = Size.NONE;
    for (String table : RECORD_TABLES) {
      Size s = richest.record().get(table);
      recordTotal = recordTotal.plus(s);
      out.append("| ").append(table).append(" | ").append(perCase(s.rows(), cases)).append(" | ")
          .append(kb(s.rowBytes(), cases)).append(" | ").append(kb(s.relationBytes(), cases)).append(" |\n");
    }
    out.append("| total | ").append(perCase(recordTotal.rows(), cases)).append(" | ")
        .append(kb(recordTotal.rowBytes(), cases)).append(" | ").append(kb(recordTotal.relationBytes(), cases))
        .append(" |\n");

    LevelResult ours = results.stream().filter(r -> OUR_LEVEL.equals(r.level())).findFirst().orElse(richest);
    groups(out, "act_hi_varinst at " + ours.level() + ", by variable name", ours.variables(), cases);
    groups(out, "act_hi_detail at " + ours.level() + ", by type and name", ours.details(), cases);
    groups(out, "act_hi_detail at " + richest.level() + ", by type and name", richest.details(), cases);
    return out.toString();
  }

  private static void groups(StringBuilder out, String title, Map<String, Size> groups, int cases) {
    out.append("\n").append(title).append(" (top ").append(Math.min(TOP_GROUPS, groups.size())).append(" of ")
        .append(groups.size()).append("):\n\n| group | rows per case | KB per case (row bytes) |\n|---|---:|---:|\n");
    groups.entrySet().stream().limit(TOP_GROUPS).forEach(e -> out.append("| ").append(e.getKey()).append(" | ")
        .append(perCase(e.getValue().rows(), cases)).append(" | ").append(kb(e.getValue().rowBytes(), cases))
        .append(" |\n"));
  }

  private static String kb(long bytes, int cases) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / cases);
  }

  private static String perCase(long rows, int cases) {
    return String.format(java.util.Locale.ROOT, "%.1f", (double) rows / cases);
  }
}
