package cn.parkflow.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index on {@code ACT_RU_TASK (PARENT_TASK_ID_)} (issue 13; docs/benchmarks.md, "Where PostgreSQL's time went at
 * 1,000,000 finished cases").
 *
 * <p>Each time a task is completed or deleted the engine looks for its subtasks with
 * {@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, and Camunda's schema has no index on that column: every
 * completion reads the whole task table, the dead rows of recently completed tasks included. Under the throughput
 * benchmark that was the statement PostgreSQL spent most time on (1.4 ms a call, 8.4 ms per case, on a table of a few
 * dozen open tasks); with 100,000 open tasks it would be a scan of 100,000 rows per completion.
 *
 * <p>Created, if missing, after the engine has created or updated its tables, like
 * {@code identity.AuthorizationJoinByIndex}'s index; an engine upgrade that rewrites the table drops it, and the next
 * start creates it again.
 */
@Component
public class ParentTaskIndex extends AbstractProcessEnginePlugin {
  static final String INDEX = "pf_idx_task_parent";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on " + table + " (PARENT_TASK_ID_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create the index " + INDEX + " on " + table, e);
    }
  }
}
