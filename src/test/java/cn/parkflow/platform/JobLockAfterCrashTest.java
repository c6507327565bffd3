package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkFlowApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A crash holds a case up for at most a minute: the default run's job executor locks a job for a short time and
 * looks for jobs often enough, so a job locked by a node that died is taken by a running node within a minute.
 *
 * <p>The default run's settings (application.yaml, job executor on) on a throw-away data folder, as in {@link
 * DurableDefaultRunTest}. Its job executor is stopped after its settings are read, and the acquisitions are run by
 * hand on the engine clock: first by a "crashed node" with the same settings, which locks the job and never runs it,
 * then by the running node's settings at the moments that matter.
 */
class JobLockAfterCrashTest {
  private static final String PROCESS_KEY = "job-lock-check";
  private static final Duration BOUND = Duration.ofMinutes(1);

  @Test
  void aJobLockedByACrashedNodeIsTakenAgainWithinAMinute(@TempDir Path dataDir) {
    try (ConfigurableApplicationContext app = defaultRunWithJobExecutor(dataDir)) {
      ProcessEngineConfigurationImpl engine = app.getBean(ProcessEngineConfigurationImpl.class);
      JobExecutor running = engine.getJobExecutor();
      assertThat(running.isActive()).as("the default run executes jobs").isTrue();
      Duration lockTime = Duration.ofMillis(running.getLockTimeInMillis());
      Duration maxWait = Duration.ofMillis(running.getMaxWait());
      assertThat(lockTime.plus(maxWait)).as("lock time %s plus longest idle wait %s", lockTime, maxWait)
          .isLessThan(BOUND);
      running.shutdown();

      String jobId = waitingJob(app);
      Date crashedAt = new Date();
      try {
        ClockUtil.setCurrentTime(crashedAt);
        DefaultJobExecutor crashedNode = new DefaultJobExecutor();
        crashedNode.setLockOwner("crashed-node");
        crashedNode.setLockTimeInMillis(running.getLockTimeInMillis());
        assertThat(acquire(engine, crashedNode)).contains(jobId);
        assertThat(lockOwner(app, jobId)).isEqualTo("crashed-node");

        ClockUtil.setCurrentTime(new Date(crashedAt.getTime() + lockTime.minusSeconds(1).toMillis()));
        assertThat(acquire(engine, running)).as("still locked by the crashed node").doesNotContain(jobId);

        // The running node's last look before the bound: at the latest one idle wait (max-wait) before it.
        ClockUtil.setCurrentTime(new Date(crashedAt.getTime() + BOUND.minus(maxWait).toMillis()));
        assertThat(acquire(engine, running)).as("taken by the running node").contains(jobId);
        assertThat(lockOwner(app, jobId)).isEqualTo(running.getLockOwner());

        app.getBean(ManagementService.class).executeJob(jobId);
        assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY).count()).as("the case moved on and ended").isZero();
      } finally {
        ClockUtil.reset();
      }
    }
  }

  private static List<String> acquire(ProcessEngineConfigurationImpl engine, JobExecutor node) {
    return engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(node)).getJobIdBatches().stream()
        .flatMap(Collection::stream).toList();
  }

  private static String lockOwner(ConfigurableApplicationContext app, String jobId) {
    return app.getBean(JdbcTemplate.class)
        .queryForObject("select lock_owner_ from act_ru_job where id_ = ?", String.class, jobId);
  }

  /** A case waiting in front of an asynchronous step: one job, ready to run. */
  private static String waitingJob(ConfigurableApplicationContext app) {
    app.getBean(RepositoryService.class).createDeployment().name(PROCESS_KEY)
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .name("作业锁检查")
            .camundaHistoryTimeToLiveString("P1D")
            .startEvent("start_check").name("开始")
            .serviceTask("serviceTask_nextStep").name("下一步").camundaAsyncBefore().camundaExpression("${true}")
            .endEvent("end_check").name("结束")
            .done())
        .deploy();
    String instanceId = app.getBean(RuntimeService.class)
        .startProcessInstanceByKey(PROCESS_KEY, Map.of()).getId();
    Job job = app.getBean(ManagementService.class).createJobQuery().processInstanceId(instanceId).singleResult();
    assertThat(job).isNotNull();
    return job.getId();
  }

  /** The default run's settings on {@code dataDir}, job executor on; no webapps, schedulers or auto-deployment. */
  private static ConfigurableApplicationContext defaultRunWithJobExecutor(Path dataDir) {
    return new SpringApplicationBuilder(ParkFlowApplication.class)
        .registerShutdownHook(false)
        .run("--parkflow.database.data-dir=" + dataDir.toAbsolutePath(),
            "--parkflow.database.durable=false",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=joblock",
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.auto-deployment-enabled=false",
            "--camunda.bpm.metrics.enabled=false",
            "--parkflow.reminders.scheduled=false",
            "--parkflow.mail.scheduled=false");
  }
}
