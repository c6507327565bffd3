package cn.parkflow.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded server on a data folder that a crashed ParkFlow left behind.
 *
 * <p>The embedded server runs as a daemon ({@code pg_ctl start}), so when the JVM dies without its shutdown (kill -9,
 * the OOM killer) the postmaster keeps running with PID 1 as its parent and holds the folder's {@code postmaster.pid};
 * the next start would fail on that lock. So before a start:
 *
 * <ul>
 *   <li>a folder whose owner lock ({@code epg-lock}) is held belongs to a live application: nothing is touched;
 *   <li>a {@code postmaster.pid} whose process is alive, is a {@code postgres} executable and serves this very folder
 *       (line 2 of the file) is a leftover: that server is asked to shut down, and awaited;
 *   <li>a file naming another folder (a copied data folder) or a live process that is not {@code postgres} (its PID
 *       reused) is stale: it is moved aside, and no process is touched;
 *   <li>a file whose process is gone is left to PostgreSQL, which removes it itself.
 * </ul>
 */
final class LeftoverServer {
  static final String PID_FILE = "postmaster.pid";
  static final String STALE_SUFFIX = ".stale";
  /** The file that the embedded server's owner (zonky, in a live JVM) keeps locked while the server runs. */
  static final String OWNER_LOCK_FILE = "epg-lock";

  private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  /** What was found in a data folder before the start. */
  enum Outcome {
    /** A live application (this or another JVM) holds the folder: nothing is touched. */
    IN_USE,
    /** No {@code postmaster.pid}: nothing to do. */
    NONE,
    /** The process named in {@code postmaster.pid} is gone; PostgreSQL removes the file itself. */
    DEAD_PROCESS,
    /** The file names another folder or a process that is not PostgreSQL; moved aside, no process touched. */
    STALE_FILE_MOVED,
    /** A server of this folder left by a crashed ParkFlow; stopped. */
    LEFTOVER_STOPPED
  }

  private LeftoverServer() {}

  /**
   * Makes the data folder free for a new server.
   *
   * @throws IllegalStateException when a leftover server of this folder does not stop within a minute
   */
  static Outcome clear(Path dataDir) throws IOException {
    if (!Files.isRegularFile(dataDir.resolve(PID_FILE))) {
      // also keeps a new folder empty for initdb
      return Outcome.NONE;
    }
    try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock owner;
      try {
        owner = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        owner = null;
      }
      if (owner == null) {
        log.warn("{} is in use by a running embedded server of another application; not touching it", dataDir);
        return Outcome.IN_USE;
      }
      try {
        return clearUnowned(dataDir);
      } finally {
        owner.release();
      }
    }
  }

  private static Outcome clearUnowned(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Outcome.NONE;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
        .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      log.info("{} names no running process; PostgreSQL removes it on start", pidFile);
      return Outcome.DEAD_PROCESS;
    }
    ProcessHandle server = process.get();
    Optional<Path> postgres = server.info().command().map(Path::of)
        .filter(command -> command.getFileName().toString().equals("postgres"));
    if (lines.size() < 2 || !sameFolder(lines.get(1), dataDir) || postgres.isEmpty()) {
      Path aside = pidFile.resolveSibling(PID_FILE + STALE_SUFFIX);
      Files.move(pidFile, aside, StandardCopyOption.REPLACE_EXISTING);
      log.warn("{} belongs to process {} ({}), which is not this folder's PostgreSQL server; moved it to {}",
          pidFile, server.pid(), server.info().command().orElse("unknown command"), aside);
      return Outcome.STALE_FILE_MOVED;
    }
    log.warn("PostgreSQL {} of {} was left running by a ParkFlow that did not shut down; stopping it",
        server.pid(), dataDir);
    stop(dataDir, server);
    return Outcome.LEFTOVER_STOPPED;
  }

  private static Optional<Long> parsePid(String line) {
    try {
      long pid = Long.parseLong(line.strip());
      return pid > 1 ? Optional.of(pid) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean sameFolder(String named, Path dataDir) {
    try {
      return Path.of(named.strip()).toRealPath().equals(dataDir.toRealPath());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Asks the server to shut down (SIGTERM, PostgreSQL's smart shutdown: the dead JVM's sessions are gone, so it stops
   * at once and checkpoints). Not {@code pg_ctl}: it refuses to run as root, and the embedded server may run in a user
   * namespace of its own.
   */
  private static void stop(Path dataDir, ProcessHandle server) {
    server.destroy();
    try {
      server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      log.info("Leftover PostgreSQL {} of {} stopped", server.pid(), dataDir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL " + server.pid(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The leftover PostgreSQL " + server.pid() + " of " + dataDir
          + " did not stop within " + STOP_WAIT.toSeconds() + " s; stop it (kill " + server.pid()
          + ") and start ParkFlow again", e);
    }
  }
}
