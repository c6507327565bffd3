package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkFlowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default run keeps its work: the application with its embedded PostgreSQL in durable mode ({@code fsync} and
 * synchronous commit on) on a data folder, a process instance started, the application stopped, started again on the
 * same folder, and the instance is still there, waiting where it was.
 *
 * <p>Both applications run in this JVM one after the other, on a free port, under an engine name of their own (so
 * they never meet the shared test context's engine), without auto-deployment (the models in bpmn/ are not what this
 * test is about) and without the Camunda webapps: those keep static state that a second application in the same JVM
 * would take over, after which the shared test context's webapp logins fail.
 */
class DurableDefaultRunTest {
  private static final String PROCESS_KEY = "durability-check";

  @Test
  void aProcessStartedBeforeARestartIsStillThereAfterIt(@TempDir Path dataDir) throws IOException {
    String businessKey = "DUR-" + UUID.randomUUID();
    String instanceId;

    try (ConfigurableApplicationContext first = defaultRun(dataDir)) {
      assertDurable(first, dataDir);
      first.getBean(RepositoryService.class).createDeployment()
          .name("durability-check")
          .addModelInstance(PROCESS_KEY + ".bpmn", waitingProcess())
          .deploy();
      ProcessInstance started = first.getBean(RuntimeService.class).startProcessInstanceByKey(PROCESS_KEY,
          businessKey, Variables.putValue("parcelCode", "360124-2026-017").putValue("areaMu", 12.5));
      instanceId = started.getId();
    }
    assertThat(dataDir.resolve("PG_VERSION")).as("the data folder holds a PostgreSQL cluster").exists();
    assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL was stopped cleanly").doesNotExist();

    try (ConfigurableApplicationContext second = defaultRun(dataDir)) {
      assertDurable(second, dataDir);
      RuntimeService runtime = second.getBean(RuntimeService.class);
      ProcessInstance found = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .singleResult();
      assertThat(found).as("process instance %s after the restart", businessKey).isNotNull();
      assertThat(found.getId()).isEqualTo(instanceId);
      assertThat(runtime.getActiveActivityIds(found.getId())).containsExactly("receiveTask_waitForDocuments");
      assertThat(runtime.getVariables(found.getId()))
          .isEqualTo(Map.of("parcelCode", "360124-2026-017", "areaMu", 12.5));
    }
  }

  private static void assertDurable(ConfigurableApplicationContext context, Path dataDir) throws IOException {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
    assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    assertThat(Path.of(jdbc.queryForObject("show data_directory", String.class)).toRealPath())
        .isEqualTo(dataDir.toRealPath());
  }

  /** The default run's settings, on {@code dataDir} and a free port, without schedulers or auto-deployment. */
  private static ConfigurableApplicationContext defaultRun(Path dataDir) {
    assertThat(Files.isDirectory(dataDir)).isTrue();
    return new SpringApplicationBuilder(ParkFlowApplication.class)
        .registerShutdownHook(false)
        // Arguments, not builder properties: those are only defaults, and application.yaml sets a data dir.
        .run("--parkflow.database.embedded=true",
            "--parkflow.database.data-dir=" + dataDir.toAbsolutePath(),
            "--parkflow.database.durable=true",
            "--parkflow.database.port=0",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=durability",
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.auto-deployment-enabled=false",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.metrics.enabled=false",
            "--parkflow.reminders.scheduled=false",
            "--parkflow.mail.scheduled=false");
  }

  /** Start, then wait at a receive task: the instance stays in the database until someone moves it. */
  private static BpmnModelInstance waitingProcess() {
    return Bpmn.createExecutableProcess(PROCESS_KEY)
        .name("持久化检查")
        .camundaHistoryTimeToLiveString("P1D")
        .startEvent("start_check").name("开始")
        .sequenceFlowId("flow_toWait")
        .receiveTask("receiveTask_waitForDocuments").name("等待材料")
        .sequenceFlowId("flow_toEnd")
        .endEvent("end_check").name("结束")
        .done();
  }
}
