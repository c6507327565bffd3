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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department's task list checks its authorizations through an index, not by comparing every task with every grant
 * its group holds (issue 13; docs/benchmarks.md has the plans before and after).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
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

  @Test
  void theTaskQueryLooksUpEachTasksGrantsInsteadOfJoiningAllOfThem() {
    String engineSql = departmentTaskListSql();
    String probe = TaskListAuthorizationProbe.rewrite(engineSql).replaceAll("\\s+", " ");
    assertThat(probe).contains("left join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE (A.TYPE_ < 2")
        .contains("AND A.RESOURCE_ID_ = ANY(ARRAY[RES.ID_, D.KEY_, '*']) LIMIT 1) AUTH ON (true)")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
    // the same parameters in the same order: the moved condition has none
    assertThat(probe.chars().filter(c -> c == '?').count()).isEqualTo(engineSql.chars().filter(c -> c == '?').count());
    // the rest of the statement is the engine's, word for word
    String engine = engineSql.replaceAll("\\s+", " ");
    String join = "AUTH ON (AUTH.RESOURCE_ID_ = ANY(ARRAY[ RES.ID_ , D.KEY_ , '*' ]))";
    String lateral = "LIMIT 1) AUTH ON (true)";
    assertThat(probe.substring(probe.indexOf(lateral) + lateral.length()))
        .isEqualTo(engine.substring(engine.indexOf(join) + join.length()));
    assertThat(probe.substring(0, probe.indexOf("left join lateral")))
        .isEqualTo(engine.substring(0, engine.indexOf("left join (")));
    // any other statement, or a task query of a shape it does not know, is left as the engine wrote it
    String other = "select * from ACT_RU_TASK RES left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 )"
        + " AUTH ON (AUTH.RESOURCE_ID_ = ANY(ARRAY[ RES.PROC_INST_ID_ , '*' ]))";
    assertThat(TaskListAuthorizationProbe.rewrite(other)).isEqualTo(other);
  }

  @Test
  void theEngineRunsTheProbeForADepartmentsTaskList(CapturedOutput output) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    assertThat(engine.getSqlSessionFactory().getConfiguration().getInterceptors())
        .hasAtLeastOneElementOfType(TaskListAuthorizationProbe.class);
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    String statement = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
    logging.setLogLevel(statement, LogLevel.DEBUG);
    identityService.setAuthentication("drc-clerk", List.of("drc"));
    try {
      taskService.createTaskQuery().taskCandidateGroup("drc").listPage(0, 50);
    } finally {
      identityService.clearAuthentication();
      logging.setLogLevel(statement, null);
    }
    assertThat(output.getOut()).contains("left join lateral").contains("LIMIT 1) AUTH ON (true)");
  }
}
