package cn.parkflow.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Embedded PostgreSQL for the default run and the tests, so there is one SQL dialect everywhere.
 *
 * <p>The default run keeps its data under {@code parkflow.database.data-dir} with {@code fsync} and synchronous
 * commit on. The data source depends on the server bean, so Spring closes the process engine and the pool before it
 * stops the server; zonky's own JVM shutdown hook is disarmed for that reason (it would race the engine's shutdown).
 * With a blank data dir, one throw-away server serves the whole JVM (all cached test contexts share it). A server
 * that a crashed ParkFlow left running on the data dir is stopped first ({@link LeftoverServer}), so one start is
 * enough after a crash.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
@ConditionalOnProperty(name = "parkflow.database.embedded", havingValue = "true")
public class EmbeddedDatabaseConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
  private static final String DATABASE = "parkflow";

  @Bean
  EmbeddedDatabase embeddedDatabase(DatabaseProperties props) throws IOException {
    if (!StringUtils.hasText(props.dataDir())) {
      return new EmbeddedDatabase(SharedTestServer.get(), false);
    }
    Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
    Files.createDirectories(dir);
    LeftoverServer.clear(dir);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setServerConfig("timezone", "UTC");
    if (props.durable()) {
      // zonky turns these off for speed; the default run holds real work.
      builder.setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    props.settings().forEach(builder::setServerConfig);
    if (props.port() > 0) {
      builder.setPort(props.port());
    }
    EmbeddedPostgres server = builder.start();
    disarmShutdownHook(server);
    log.info("Embedded PostgreSQL on port {} with data in {}", server.getPort(), dir);
    return new EmbeddedDatabase(server, true);
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase database) {
    database.ensureDatabase(DATABASE);
    HikariDataSource ds = new HikariDataSource();
    ds.setDriverClassName("org.postgresql.Driver");
    ds.setJdbcUrl(database.server().getJdbcUrl("postgres", DATABASE));
    ds.setUsername("postgres");
    ds.setPoolName("parkflow");
    return ds;
  }

  /**
   * zonky registers a JVM shutdown hook that stops the server; it runs at the same time as Spring's own hook, so the
   * engine could lose its database mid-shutdown and hang. Marking the instance closed makes that hook a no-op; {@link
   * EmbeddedDatabase#close()} stops the server after the engine instead.
   */
  private static void disarmShutdownHook(EmbeddedPostgres server) {
    try {
      Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
      closed.setAccessible(true);
      ((AtomicBoolean) closed.get(server)).set(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Could not disarm the embedded PostgreSQL shutdown hook; shutdown may be slower", e);
    }
  }

  static void rearm(EmbeddedPostgres server) {
    try {
      Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
      closed.setAccessible(true);
      ((AtomicBoolean) closed.get(server)).set(false);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Embedded PostgreSQL hook was not disarmed", e);
    }
  }

  /** One throw-away server per JVM, for the tests: fast settings, stopped by zonky's hook at JVM exit. */
  static final class SharedTestServer {
    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres get() throws IOException {
      if (server == null) {
        server = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
      }
      return server;
    }
  }
}
