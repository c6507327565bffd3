package cn.parkflow.identity;

import cn.parkflow.db.EngineSchemaAdditions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL check a query's authorizations row by row through an index instead of reading every grant the
 * caller's groups hold (issue 13; the profile is in docs/benchmarks.md, "Results after issue 13's changes").
 *
 * <p>Camunda joins its authorization check as {@code left join (grants of the caller's groups) AUTH on
 * (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))}. PostgreSQL turns an {@code IN} list holding columns into an
 * {@code OR} of equalities, which no index scan can use as one condition: the planner reads all the groups' grants
 * (for a department, one per open task plus the history grants of every case it ever handled; it estimates a handful
 * because it cannot see through {@code PERMS_ & ? = ?}) and compares each task of the page with each of them. A
 * department's task list then grows with its open tasks times its grants. Three changes make it a few index probes per
 * listed task:
 *
 * <ul>
 *   <li>on PostgreSQL the join is written {@code AUTH.RESOURCE_ID_ = ANY(ARRAY[RES.ID_, D.KEY_, '*'])}, the same
 *       condition (also for nulls), which an index scan takes as one condition per outer row;</li>
 *   <li>the index {@value #INDEX} holds every column the check reads, so that probe is an index-only scan and cheap
 *       enough for the planner to prefer it. It is created after the engine has created or updated its tables (a
 *       Flyway migration would run before that on a fresh database, see {@code MigrationsBeforeEngine}), only if
 *       missing. Camunda's upgrade scripts do not know it: an upgrade that drops or rewrites
 *       {@code ACT_RU_AUTHORIZATION} drops it with the table, and the next start creates it again;</li>
 *   <li>statistics on the permission bits the check tests ({@value #STATISTICS}), so that the planner knows how
 *       many grants a group holds and does not take the scan for cheap at scale;</li>
 *   <li>the task query's join is written as a probe per task ({@link TaskListAuthorizationProbe}), so that the
 *       planner has no scan to choose at the sizes where its estimates still favour one.</li>
 * </ul>
 *
 * <p>Who may see what does not change: the grants and the checks are the engine's own. The substitution changes the
 * engine-wide SQL constants for PostgreSQL (static in Camunda), before the engine builds its statements.
 */
@Component
public class AuthorizationJoinByIndex extends AbstractProcessEnginePlugin {
  static final String INDEX = "pf_idx_auth_resource_check";
  /** Statistics on the permission bits the task list checks: READ (2) and READ_TASK (64, process definitions). */
  static final String STATISTICS = "pf_stat_auth_perms";
  private static final String POSTGRES = DbSqlSessionFactory.POSTGRES;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory.databaseSpecificAuthJoinStart.put(POSTGRES, "= ANY(ARRAY[");
    DbSqlSessionFactory.databaseSpecificAuthJoinSeparator.put(POSTGRES, ",");
    DbSqlSessionFactory.databaseSpecificAuthJoinEnd.put(POSTGRES, "])");
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new TaskListAuthorizationProbe());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!POSTGRES.equals(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDatabaseType())) {
      return;
    }
    String table = EngineSchemaAdditions.table(processEngine, "ACT_RU_AUTHORIZATION");
    EngineSchemaAdditions.run(processEngine, "the index " + INDEX + " on " + table,
        "create index if not exists " + INDEX + " on " + table
            + " (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_, PERMS_)",
        // Without these PostgreSQL guesses that PERMS_ & 2 = 2 holds for 0.5 % of the rows, takes a department's
        // 25,000 task grants for 40, and prefers scanning and comparing them all to the index probes.
        "create statistics if not exists " + STATISTICS + " on (PERMS_ & 2), (PERMS_ & 64) from " + table);
  }
}
