package cn.parkflow.db;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where ParkFlow's PostgreSQL comes from.
 *
 * @param embedded start an embedded PostgreSQL (default run, tests); {@code false} uses {@code spring.datasource.*}
 * @param dataDir  data folder of the embedded server; blank means a throw-away server shared by the whole JVM (tests)
 * @param port     port of the embedded server; 0 picks a free one
 * @param durable  keep {@code fsync} and synchronous commit on, so work survives a crash of the machine
 * @param settings further server settings of the embedded PostgreSQL with a data folder, passed to the server as
 *                 they are (e.g. {@code parkflow.database.settings.shared_buffers=256MB}); applied after the
 *                 settings above, so they can override them
 */
@ConfigurationProperties("parkflow.database")
public record DatabaseProperties(boolean embedded, String dataDir, int port, boolean durable,
    Map<String, String> settings) {
  public DatabaseProperties {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
