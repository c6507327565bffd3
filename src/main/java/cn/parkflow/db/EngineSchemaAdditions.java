package cn.parkflow.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs ParkFlow's additions to the engine's own tables (an index, planner statistics) once the engine has created or
 * updated them: a Flyway migration would run before the engine on a fresh database, see {@link MigrationsBeforeEngine}.
 * Each statement must be idempotent ({@code if not exists}); an engine upgrade that rewrites a table drops what was
 * added to it, and the next start adds it again.
 */
public final class EngineSchemaAdditions {
  private EngineSchemaAdditions() {}

  /** The engine's table name with its configured prefix. */
  public static String table(ProcessEngine engine, String name) {
    return configuration(engine).getDatabaseTablePrefix() + name;
  }

  /** Runs {@code statements} on the engine's database and commits; {@code what} names the addition in an error. */
  public static void run(ProcessEngine engine, String what, String... statements) {
    try (Connection connection = configuration(engine).getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create " + what, e);
    }
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
