package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department's task list checks its authorizations through an index, not by comparing every task with every grant
 * its group holds (issue 13; docs/benchmarks.md has the plans before and after).
 */
@IntegrationTest
class AuthorizationJoinByIndexTest {
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  /** The SQL the engine runs for {@code GET /engine-rest/task?candidateGroup=drc} as a drc clerk. */
  private String departmentTaskListSql() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    TaskQueryImpl query = (TaskQueryImpl) taskService.createTaskQuery().taskCandidateGroup("drc");
    identityService.setAuthentication("drc-clerk", List.of("drc"));
    try {
      return engine.getCommandExecutorTxRequired().execute(context -> {
        context.getAuthorizationManager().configureTaskQuery(query);
        String statement = engine.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria");
        return context.getDbSqlSession().getSqlSession().getConfiguration().getMappedStatement(statement)
            .getBoundSql(query).getSql().replaceAll("\\s+", " ");
      });
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theAuthorizationJoinIsOneConditionAnIndexScanCanUse() {
    String sql = departmentTaskListSql();
    assertThat(sql).contains("ACT_RU_AUTHORIZATION A WHERE");
    assertThat(sql).contains("AUTH ON (AUTH.RESOURCE_ID_ = ANY(ARRAY[ RES.ID_ , D.KEY_ , '*' ]))");
  }

  @Test
  void theIndexHoldsEveryColumnTheCheckReadsAndThePlannerKnowsThePermissionBits() {
    List<String> definitions = jdbc.queryForList(
        "select indexdef from pg_indexes where tablename = 'act_ru_authorization' and indexname = ?", String.class,
        AuthorizationJoinByIndex.INDEX);
    assertThat(definitions).singleElement().asString()
        .contains("(resource_id_, resource_type_, type_, group_id_, user_id_, perms_)");
    assertThat(jdbc.queryForList(
        "select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass", String.class))
        .contains(AuthorizationJoinByIndex.STATISTICS);
  }
}
