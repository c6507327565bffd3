package bench.plain;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's peer: Camunda's Spring Boot starter at its defaults, on an embedded PostgreSQL started exactly as
 * ParkFlow's default run starts its own ({@code cn.parkflow.db.EmbeddedDatabaseConfiguration}): zonky 2.1.0 with the
 * 16.x binaries, {@code timezone=UTC}, a database of its own, and with {@code bench.durable=true} fsync, synchronous
 * commit and full page writes on, as ParkFlow's {@code parkflow.database.durable=true}.
 */
@SpringBootApplication
public class PlainCamundaApplication {
  private static final String DATABASE = "camunda";

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }

  @Bean(destroyMethod = "")
  EmbeddedPostgres embeddedPostgres(@Value("${bench.data-dir}") String dataDir,
      @Value("${bench.durable:false}") boolean durable,
      @Value("${bench.pg-statements:false}") boolean statements) throws IOException {
    Path dir = Path.of(dataDir).toAbsolutePath().normalize();
    Files.createDirectories(dir);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setServerConfig("timezone", "UTC");
    if (durable) {
      builder.setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    if (statements) {
      // scripts/bench.sh --profile: every statement's calls and time, as for ParkFlow
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    EmbeddedPostgres server = builder.start();
    disarmShutdownHook(server);
    return server;
  }

  /**
   * zonky's own JVM shutdown hook stops the server at the same time as Spring's hook closes the engine, and the JVM
   * then hangs; as in ParkFlow, the hook is made a no-op and Spring stops the server after the engine and the pool.
   */
  private static void disarmShutdownHook(EmbeddedPostgres server) {
    setClosed(server, true);
  }

  /** Undoes {@link #disarmShutdownHook} so that {@code close()} really stops the server. */
  private static void closeServer(EmbeddedPostgres server) throws IOException {
    setClosed(server, false);
    server.close();
  }

  private static void setClosed(EmbeddedPostgres server, boolean closed) {
    try {
      Field field = EmbeddedPostgres.class.getDeclaredField("closed");
      field.setAccessible(true);
      ((AtomicBoolean) field.get(server)).set(closed);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server when the context closes, after the pool and the engine that depend on it. */
  @Bean
  DisposableBean embeddedPostgresCloser(EmbeddedPostgres server) {
    return () -> closeServer(server);
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres server, DisposableBean embeddedPostgresCloser) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      if (!s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
        s.execute("create database " + DATABASE + " encoding 'UTF8'");
      }
    }
    HikariDataSource ds = new HikariDataSource();
    ds.setDriverClassName("org.postgresql.Driver");
    ds.setJdbcUrl(server.getJdbcUrl("postgres", DATABASE));
    ds.setUsername("postgres");
    ds.setPoolName("plain-camunda");
    return ds;
  }
}
