package cn.parkflow.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where ParkFlow's PostgreSQL comes from.
 *
 * @param embedded start an embedded PostgreSQL (default run, tests); {@code false} uses {@code spring.datasource.*}
 * @param dataDir  data folder of the embedded server; blank means a throw-away server shared by the whole JVM (tests)
 * @param port     port of the embedded server; 0 picks a free one
 * @param durable  keep {@code fsync} and synchronous commit on, so work survives a crash of the machine
 */
@ConfigurationProperties("parkflow.database")
public record DatabaseProperties(boolean embedded, String dataDir, int port, boolean durable) {}
