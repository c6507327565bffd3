package cn.parkflow.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * Writes the authorization check of Camunda's task query as one probe per task on PostgreSQL, whatever the planner
 * would choose (issue 13; docs/benchmarks.md, "A probe per listed task").
 *
 * <p>The engine joins the caller's grants as {@code left join (grants of the user and groups) AUTH on
 * (AUTH.RESOURCE_ID_ = ANY(ARRAY[RES.ID_, D.KEY_, '*']))} (the {@code ANY} form is {@link AuthorizationJoinByIndex}'s).
 * PostgreSQL may read that join two ways: probe {@code pf_idx_auth_resource_check} once per listed task, or read every
 * grant the groups hold once and compare each listed task with each of them. It chose the probes at 10,000 and at
 * 100,000 open tasks and the scan at 4,000 (31–40 ms a query against 2–5 ms), because the choice rests on estimates.
 * This interceptor rewrites that one join, before the statement is prepared, as
 * {@code left join lateral (grants of the user and groups ... and A.RESOURCE_ID_ = ANY(ARRAY[RES.ID_, D.KEY_, '*'])
 * LIMIT 1) AUTH on (true)}: a subquery per task, which can only be answered by looking that task up. The check is the
 * same: the query keeps a task if the subquery finds a grant ({@code AUTH.RESOURCE_ID_ is not null}), and every task
 * query reads the tasks {@code distinct}, so one grant stands for all.
 *
 * <p>Only the task query's join is touched ({@code selectTaskByQueryCriteria} and its count, the only statements that
 * join on {@code RES.ID_, D.KEY_}); a statement whose text does not have the expected shape (another engine version)
 * runs as the engine wrote it. The rewrite uses MyBatis's public plug-in interface on the engine's own SQL session
 * factory, registered by {@link AuthorizationJoinByIndex} on PostgreSQL only.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public class TaskListAuthorizationProbe implements Interceptor {
  private static final Pattern JOIN = Pattern.compile(
      "\\b(left|inner)\\s+join\\s*\\(\\s*(SELECT\\s+A\\.\\*\\s+FROM\\s+\\S*ACT_RU_AUTHORIZATION\\s+A\\s+WHERE)\\s+(.*?)"
          + "\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s*=\\s*ANY\\s*\\(\\s*ARRAY\\s*\\[\\s*RES\\.ID_\\s*,"
          + "\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*]\\s*\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final int CACHED_STATEMENTS = 256;

  /** Rewritten statement texts by the engine's text (a handful: one per shape of the task query in use). */
  private final Map<String, String> rewritten = new ConcurrentHashMap<>();

  /**
   * The task query's SQL with its authorization join written as a probe per task; any other SQL, or a task query of
   * another shape, unchanged.
   */
  public static String rewrite(String sql) {
    return JOIN.matcher(sql).replaceAll(
        "$1 join lateral ($2 ($3) AND A.RESOURCE_ID_ = ANY(ARRAY[RES.ID_, D.KEY_, '*']) LIMIT 1) AUTH ON (true)");
  }

  static boolean isTaskQuery(MappedStatement statement) {
    String id = statement.getId();
    return id.endsWith(".selectTaskByQueryCriteria") || id.endsWith(".selectTaskCountByQueryCriteria");
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement statement = (MappedStatement) args[0];
    if (!isTaskQuery(statement)) {
      return invocation.proceed();
    }
    Object parameter = args[1];
    BoundSql bound = statement.getBoundSql(parameter);
    String sql = bound.getSql();
    String probe = rewritten.get(sql);
    if (probe == null) {
      probe = rewrite(sql);
      if (rewritten.size() < CACHED_STATEMENTS) {
        rewritten.put(sql, probe);
      }
    }
    if (probe.equals(sql)) {
      return invocation.proceed();
    }
    BoundSql probing = new BoundSql(statement.getConfiguration(), probe, bound.getParameterMappings(), parameter);
    bound.getAdditionalParameters().forEach(probing::setAdditionalParameter);
    Executor executor = (Executor) invocation.getTarget();
    RowBounds rows = (RowBounds) args[2];
    CacheKey key = executor.createCacheKey(statement, parameter, rows, probing);
    return executor.query(statement, parameter, rows, (ResultHandler<?>) args[3], key, probing);
  }
}
