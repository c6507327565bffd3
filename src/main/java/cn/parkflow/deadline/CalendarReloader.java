package cn.parkflow.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads the notices again at run time, when the folder {@code parkflow.calendar.location} changes (looked at every
 * {@code parkflow.calendar.watch-interval}, default one minute) or an administrator asks
 * ({@code POST /api/admin/calendar/reload}); then the provisional due dates are computed again
 * ({@link ProvisionalDueDates}). A folder with an invalid file is not loaded: the notices in force stay.
 */
@Component
public class CalendarReloader {
  private static final Logger log = LoggerFactory.getLogger(CalendarReloader.class);

  private final WorkingDayCalendar calendar;
  private final ProvisionalDueDates provisional;
  private final Path location;
  private volatile String seen;

  public CalendarReloader(WorkingDayCalendar calendar, ProvisionalDueDates provisional, CalendarProperties properties) {
    this.calendar = calendar;
    this.provisional = provisional;
    this.location = properties.location();
    this.seen = fingerprint(location);
  }

  /** What a reload did: the years now loaded, those new, those still missing, and the due dates moved. */
  public record Result(SortedSet<Integer> years, SortedSet<Integer> added, SortedSet<Integer> missingYears,
      int dueDatesMoved) {}

  /** The bundled notices and the configured folder's, loaded again. */
  public synchronized Result reload() {
    return reloadFrom(location);
  }

  /**
   * The bundled notices and those of {@code folder} (null: the bundled ones only) put in force, then every provisional
   * due date computed again.
   *
   * @throws IllegalStateException when a file is not valid holiday-cn data (nothing changes then)
   */
  public synchronized Result reloadFrom(Path folder) {
    List<HolidayFile> files = WorkingDayCalendar.read(folder);
    SortedSet<Integer> added = calendar.replace(files);
    int moved = provisional.recompute();
    return new Result(calendar.loadedYears(), added, calendar.missingYears(), moved);
  }

  /** Looks at the folder once: a new or changed year file reloads the notices. */
  @Scheduled(initialDelayString = "${parkflow.calendar.watch-interval:PT1M}",
      fixedDelayString = "${parkflow.calendar.watch-interval:PT1M}")
  public void watch() {
    if (location == null) {
      return;
    }
    String now = fingerprint(location);
    if (now.equals(seen)) {
      return;
    }
    try {
      Result result = reload();
      seen = now;
      log.info("Calendar folder {} changed: notices for {} (new {}), {} due dates recomputed", location,
          result.years(), result.added(), result.dueDatesMoved());
    } catch (RuntimeException e) {
      seen = now;
      log.error("Calendar folder {} changed but was not loaded; the notices in force stay", location, e);
    }
  }

  /** The folder's year files with size and modification time: a new or edited notice changes it. */
  private static String fingerprint(Path folder) {
    if (folder == null || !Files.isDirectory(folder)) {
      return "";
    }
    try (Stream<Path> files = Files.list(folder)) {
      StringBuilder b = new StringBuilder();
      for (Path p : files.filter(p -> p.getFileName().toString().matches("\\d{4}\\.json")).sorted().toList()) {
        b.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
            .append(Files.getLastModifiedTime(p).toMillis()).append(';');
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read calendar folder " + folder.toAbsolutePath(), e);
    }
  }
}
