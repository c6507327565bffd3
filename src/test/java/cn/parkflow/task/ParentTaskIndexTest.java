package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's subtask look-up at every completion reads an index, not the whole task table (issue 13). */
@IntegrationTest
class ParentTaskIndexTest {
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void theSubtaskLookUpOfEachCompletionCanUseTheIndex() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    String sql = engine.getCommandExecutorTxRequired().execute(context -> {
      String statement = engine.getDbSqlSessionFactory().mapStatement("selectTasksByParentTaskId");
      return context.getDbSqlSession().getSqlSession().getConfiguration().getMappedStatement(statement)
          .getBoundSql(new ListQueryParameterObject("parent", 0, 1)).getSql().trim();
    });
    assertThat(sql).isEqualToIgnoringCase("select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?");

    assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_task' and indexname = ?",
        String.class, ParentTaskIndex.INDEX)).singleElement().asString().contains("(parent_task_id_)");
    // the test database's task table is tiny, so the planner would scan it anyway: forbid the scan to see the index
    List<String> plan = transactions.execute(status -> {
      jdbc.execute("set local enable_seqscan = off");
      return jdbc.queryForList("explain " + sql.replace("?", "'parent'"), String.class);
    });
    assertThat(String.join("\n", plan)).contains(ParentTaskIndex.INDEX);
  }
}
