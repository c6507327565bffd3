package cn.parkflow.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.beans.factory.DisposableBean;

/** The running embedded server; stopped when the Spring context closes (after everything that uses it). */
public final class EmbeddedDatabase implements DisposableBean {
  private final EmbeddedPostgres server;
  private final boolean ownedByContext;

  EmbeddedDatabase(EmbeddedPostgres server, boolean ownedByContext) {
    this.server = server;
    this.ownedByContext = ownedByContext;
  }

  public EmbeddedPostgres server() {
    return server;
  }

  void ensureDatabase(String name) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          try (Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8'");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  @Override
  public void destroy() throws IOException {
    if (ownedByContext) {
      EmbeddedDatabaseConfiguration.rearm(server);
      server.close();
    }
  }
}
