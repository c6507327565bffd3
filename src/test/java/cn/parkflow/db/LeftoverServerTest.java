package cn.parkflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One start is enough after a crash: a server that a dead JVM left running on the data folder is stopped before the
 * new one starts, with the data intact; a {@code postmaster.pid} that is not that folder's live server never makes
 * ParkFlow touch another process.
 */
class LeftoverServerTest {
  /** A stopped cluster for the stale-file cases (initdb once). */
  @TempDir static Path cluster;
  /** An unrelated live process, the kind a reused PID in a stale file could name. */
  static Process bystander;

  @BeforeAll
  static void initCluster() throws IOException {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(cluster)
        .setCleanDataDirectory(false).start()) {
      execute(server.getPostgresDatabase(), "create table kept (note text)", "insert into kept values ('before')");
    }
    bystander = new ProcessBuilder("sleep", "600").start();
  }

  @AfterAll
  static void stopBystander() {
    bystander.destroy();
  }

  @Test
  @DisplayName("a server abandoned by a crashed JVM is stopped, and the ParkFlow start on its folder keeps the data")
  void abandonedServerIsStopped(@TempDir Path dataDir) throws Exception {
    EmbeddedPostgres abandoned = EmbeddedPostgres.builder().setDataDirectory(dataDir)
        .setCleanDataDirectory(false).start();
    long leftoverPid = pidIn(dataDir);
    ProcessHandle leftover = ProcessHandle.of(leftoverPid).orElseThrow();
    try {
      execute(abandoned.getPostgresDatabase(), "create table kept (note text)", "insert into kept values ('acked')");
      assertThat(LeftoverServer.clear(dataDir)).as("a folder whose owner is alive is not touched")
          .isEqualTo(LeftoverServer.Outcome.IN_USE);
      assertThat(leftover.isAlive()).isTrue();

      abandon(abandoned);
      EmbeddedDatabase restarted = startTheParkFlowWay(dataDir);
      try {
        assertThat(leftover.isAlive()).as("the leftover postmaster %s", leftoverPid).isFalse();
        assertThat(notes(restarted.server().getPostgresDatabase())).containsExactly("acked");
        assertThat(pidIn(dataDir)).isNotEqualTo(leftoverPid);
      } finally {
        restarted.destroy();
      }
    } finally {
      if (leftover.isAlive()) {
        leftover.destroy();
      }
    }
  }

  @Test
  @DisplayName("a postmaster.pid naming another folder is moved aside; its live process is left alone")
  void fileOfAnotherFolder() throws Exception {
    writePidFile(bystander.pid(), "/var/lib/postgresql/elsewhere");
    assertStartsAndBystanderLives();
    assertThat(cluster.resolve(LeftoverServer.PID_FILE + LeftoverServer.STALE_SUFFIX)).exists();
  }

  @Test
  @DisplayName("a postmaster.pid of this folder whose PID now belongs to another program is moved aside")
  void reusedPid() throws Exception {
    writePidFile(bystander.pid(), cluster.toString());
    assertStartsAndBystanderLives();
  }

  @Test
  @DisplayName("a postmaster.pid whose process is gone is left to PostgreSQL")
  void deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
    writePidFile(gone.pid(), cluster.toString());
    assertThat(LeftoverServer.clear(cluster)).isEqualTo(LeftoverServer.Outcome.DEAD_PROCESS);
    assertStartsAndBystanderLives();
  }

  private static void assertStartsAndBystanderLives() throws Exception {
    EmbeddedDatabase started = startTheParkFlowWay(cluster);
    try {
      assertThat(notes(started.server().getPostgresDatabase())).containsExactly("before");
    } finally {
      started.destroy();
    }
    assertThat(bystander.isAlive()).as("the process named in the stale file").isTrue();
  }

  private static EmbeddedDatabase startTheParkFlowWay(Path dataDir) throws IOException {
    return new EmbeddedDatabaseConfiguration()
        .embeddedDatabase(new DatabaseProperties(true, dataDir.toString(), 0, false, null));
  }

  /** What a JVM killed with -9 leaves: its server running, its folder lock released, no shutdown hook to run. */
  private static void abandon(EmbeddedPostgres server) throws ReflectiveOperationException, IOException {
    ((AtomicBoolean) field("closed").get(server)).set(true);
    ((FileLock) field("lock").get(server)).release();
    ((FileOutputStream) field("lockStream").get(server)).close();
  }

  private static Field field(String name) throws NoSuchFieldException {
    Field field = EmbeddedPostgres.class.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static void writePidFile(long pid, String folder) throws IOException {
    Files.write(cluster.resolve(LeftoverServer.PID_FILE), List.of(Long.toString(pid), folder, "1764000000", "5432"),
        StandardCharsets.UTF_8);
  }

  private static long pidIn(Path dataDir) throws IOException {
    return Long.parseLong(Files.readAllLines(dataDir.resolve(LeftoverServer.PID_FILE)).get(0).strip());
  }

  private static void execute(DataSource db, String... statements) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> notes(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select note from kept")) {
      List<String> notes = new ArrayList<>();
      while (rs.next()) {
        notes.add(rs.getString(1));
      }
      return notes;
    }
  }
}
