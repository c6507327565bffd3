package cn.parkflow.task;

import cn.parkflow.db.EngineSchemaAdditions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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
 * <p>Created, if missing, after the engine has created or updated its tables ({@link EngineSchemaAdditions}).
 */
@Component
public class ParentTaskIndex extends AbstractProcessEnginePlugin {
  static final String INDEX = "pf_idx_task_parent";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    String table = EngineSchemaAdditions.table(processEngine, "ACT_RU_TASK");
    EngineSchemaAdditions.run(processEngine, "the index " + INDEX + " on " + table,
        "create index if not exists " + INDEX + " on " + table + " (PARENT_TASK_ID_)");
  }
}
