package cn.parkflow.deadline;

import cn.parkflow.time.Beijing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Chinese working-day calendar (工作日, 调休补班) and deadline arithmetic on it.
 *
 * <p>A date is a working day when it is (Monday–Friday and not an official day off) or an official make-up working
 * day. Dates are read in Asia/Shanghai whatever the JVM's zone. A year without a loaded notice falls back to Monday
 * to Friday; such a year is logged once and listed by {@link #missingYears()} so administrators see it.
 *
 * <p>Thread-safe: the holiday data is an immutable snapshot, replaced as a whole when a notice is added at run time
 * ({@link #replace}); the set of missing years grows as years are needed and shrinks when their notice arrives.
 */
public final class WorkingDayCalendar {
  public static final ZoneId ZONE = Beijing.ZONE;
  public static final LocalTime DEFAULT_OFFICE_CLOSE = LocalTime.of(17, 30);
  /** Most steps {@link #repeatsElapsed} walks, so a forgotten case decades old cannot stall a caller. */
  public static final int MAX_REPEATS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final String BUNDLED = "classpath*:calendar/*.json";
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");

  private final LocalTime officeClose;
  private final Set<Integer> missingYears = new ConcurrentSkipListSet<>();
  /** The notices in force; replaced as a whole when a new notice is loaded ({@link #replace}). */
  private volatile Data data;

  /**
   * @param listedDays every listed date of every file, keyed by the date itself: true for a day off, false for a
   *     make-up day
   */
  private record Data(NavigableMap<LocalDate, Boolean> listedDays, SortedSet<Integer> officialYears,
      Map<Integer, List<String>> sourcesByYear) {}

  /**
   * @param files holiday notices; of two files for the same year the later one in the list wins
   */
  public WorkingDayCalendar(LocalTime officeClose, List<HolidayFile> files) {
    this.officeClose = Objects.requireNonNull(officeClose, "officeClose");
    this.data = build(files);
    log.info("Working-day calendar: notices for {}; office closes at {} ({})", data.officialYears(), officeClose,
        ZONE);
  }

  /**
   * Puts a new set of notices in force at once (a notice added to the folder at run time): a year that has a notice
   * now is no longer missing. Due dates computed before keep their value; recomputing those that were provisional is
   * the caller's part ({@link ProvisionalDueDates}).
   *
   * @return the years whose notice is new
   */
  public SortedSet<Integer> replace(List<HolidayFile> files) {
    Data next = build(files);
    SortedSet<Integer> added = new TreeSet<>(next.officialYears());
    added.removeAll(data.officialYears());
    this.data = next;
    missingYears.removeAll(next.officialYears());
    log.info("Working-day calendar reloaded: notices for {}; new: {}", next.officialYears(), added);
    return added;
  }

  private static Data build(List<HolidayFile> files) {
    Map<Integer, HolidayFile> byYear = new TreeMap<>();
    for (HolidayFile file : files) {
      HolidayFile replaced = byYear.put(file.year(), file);
      if (replaced != null) {
        log.info("Calendar {}: {} replaces {}", file.year(), file.source(), replaced.source());
      }
    }
    NavigableMap<LocalDate, Boolean> days = new TreeMap<>();
    Map<Integer, Set<String>> sources = new TreeMap<>();
    // Ascending years, so where two notices list the same date the newer notice decides.
    for (HolidayFile file : byYear.values()) {
      List<String> origin = new ArrayList<>();
      origin.add(file.source());
      origin.addAll(file.papers());
      sources.computeIfAbsent(file.year(), y -> new LinkedHashSet<>()).addAll(origin);
      for (HolidayFile.Day day : file.days()) {
        days.put(day.date(), day.offDay());
        sources.computeIfAbsent(day.date().getYear(), y -> new LinkedHashSet<>()).addAll(origin);
      }
    }
    Map<Integer, List<String>> sourceLists = new TreeMap<>();
    sources.forEach((year, list) -> sourceLists.put(year, List.copyOf(list)));
    return new Data(Collections.unmodifiableNavigableMap(days),
        Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet())), Collections.unmodifiableMap(sourceLists));
  }

  /**
   * The bundled notices ({@code classpath*:calendar/*.json}, also inside a jar), then the {@code {year}.json} files of
   * {@code overrideFolder}, which replace bundled files of the same year.
   *
   * @param overrideFolder folder with extra or corrected notices; null for none
   * @throws IllegalStateException when the folder is missing or a file is not valid holiday-cn data
   */
  public static WorkingDayCalendar load(Path overrideFolder, LocalTime officeClose) {
    return new WorkingDayCalendar(officeClose, read(overrideFolder));
  }

  /** The bundled notices, then those of {@code overrideFolder} (null for none), as {@link #load} reads them. */
  public static List<HolidayFile> read(Path overrideFolder) {
    List<HolidayFile> files = new ArrayList<>(readBundled());
    if (overrideFolder != null) {
      files.addAll(readFolder(overrideFolder));
    }
    return files;
  }

  private static List<HolidayFile> readBundled() {
    List<HolidayFile> files = new ArrayList<>();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver(WorkingDayCalendar.class.getClassLoader()).getResources(BUNDLED);
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          files.add(HolidayFile.read(in, "calendar/" + resource.getFilename()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled calendar files", e);
    }
    return files;
  }

  private static List<HolidayFile> readFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("Calendar folder " + folder.toAbsolutePath() + " does not exist");
    }
    List<HolidayFile> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(folder)) {
      for (Path path : listing.sorted().toList()) {
        var name = YEAR_FILE.matcher(path.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(path)) {
          continue;
        }
        HolidayFile file;
        try (InputStream in = Files.newInputStream(path)) {
          // Labelled without the folder's path: the source is shown to every user.
          file = HolidayFile.read(in, "override/" + path.getFileName());
        }
        if (file.year() != Integer.parseInt(name.group(1))) {
          throw new IllegalStateException(
              "Calendar file " + path.toAbsolutePath() + " holds year " + file.year() + ", not " + name.group(1));
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read calendar folder " + folder.toAbsolutePath(), e);
    }
    return files;
  }

  public LocalTime officeClose() {
    return officeClose;
  }

  /** Years whose notice was loaded. */
  public SortedSet<Integer> loadedYears() {
    return data.officialYears();
  }

  /** Whether the notice for {@code year} was loaded; asking does not mark the year as missing. */
  public boolean isOfficial(int year) {
    return data.officialYears().contains(year);
  }

  /**
   * Whether every year from {@code from}'s to {@code to}'s (Beijing time) has its notice: a working-day due date
   * computed over them is final, else provisional. Asking does not mark a year as missing.
   */
  public boolean officialThrough(Instant from, Instant to) {
    SortedSet<Integer> official = data.officialYears();
    int last = LocalDate.ofInstant(to, ZONE).getYear();
    for (int year = LocalDate.ofInstant(from, ZONE).getYear(); year <= last; year++) {
      if (!official.contains(year)) {
        return false;
      }
    }
    return true;
  }

  /** Years that some calculation or look-up needed but that have no loaded notice. */
  public SortedSet<Integer> missingYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(missingYears));
  }

  /** Whether {@code date} is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    Data d = data;
    Boolean offDay = d.listedDays().get(date);
    if (offDay != null) {
      return !offDay;
    }
    if (!d.officialYears().contains(date.getYear())) {
      noteMissing(date.getYear());
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private void noteMissing(int year) {
    if (missingYears.add(year)) {
      log.warn("No holiday notice loaded for {}: counting Monday to Friday as working days until {}.json is added",
          year, year);
    }
  }

  /**
   * When a limit that starts at {@code from} runs out.
   *
   * <p>{@code <n>wd}: office close of the n-th working day after the start day. The start day is the day of
   * {@code from}, or the next working day when {@code from} falls on a non-working day or after office close
   * ({@code 0wd} is therefore the close of that start day). A calendar-time limit is simply added.
   */
  public Instant due(Instant from, DeadlineSpec spec) {
    if (!spec.isWorkingDays()) {
      return spec.addCalendarTime(from, ZONE, 1);
    }
    return closeOf(advance(effectiveStartDay(from), spec.workingDays(), null));
  }

  /** The working days that {@link #due} counts, in order; empty for a calendar-time limit. */
  public List<LocalDate> workingDaysCounted(Instant from, DeadlineSpec spec) {
    if (!spec.isWorkingDays()) {
      return List.of();
    }
    List<LocalDate> counted = new ArrayList<>(spec.workingDays());
    advance(effectiveStartDay(from), spec.workingDays(), counted);
    return List.copyOf(counted);
  }

  /**
   * When a task with this due date becomes "due soon": for {@code <n>wd} the office close of the n-th working day
   * before the due date's day; for calendar time {@code due} minus the limit. Never later than {@code due}.
   */
  public Instant warnFrom(Instant due, DeadlineSpec beforeDue) {
    if (!beforeDue.isWorkingDays()) {
      return beforeDue.subtractCalendarTime(due, ZONE);
    }
    LocalDate day = LocalDate.ofInstant(due, ZONE);
    for (int i = 0; i < beforeDue.workingDays(); i++) {
      day = previousWorkingDay(day);
    }
    Instant warn = closeOf(day);
    return warn.isAfter(due) ? due : warn;
  }

  /**
   * The k-th repetition of {@code every} from {@code start}: {@code start} for k = 0, then {@code due(previous,
   * every)} for working days, or {@code start + k·every} for calendar time. Overdue reminders fall at
   * {@code nthRepeat(due, every, 1, 2, …)}.
   *
   * @throws IllegalArgumentException when {@code every} is zero long or k is negative, or above
   *     {@link #MAX_REPEATS} for a working-day limit
   */
  public Instant nthRepeat(Instant start, DeadlineSpec every, int k) {
    requirePositive(every);
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative: " + k);
    }
    if (!every.isWorkingDays()) {
      return every.addCalendarTime(start, ZONE, k);
    }
    if (k > MAX_REPEATS) {
      throw new IllegalArgumentException("k must be at most " + MAX_REPEATS + ": " + k);
    }
    if (k == 0) {
      return start;
    }
    // Each step ends exactly at office close of a working day, which starts the next step on that same day.
    LocalDate day = effectiveStartDay(start);
    for (int i = 0; i < k; i++) {
      day = advance(day, every.workingDays(), null);
    }
    return closeOf(day);
  }

  /**
   * The largest k ≥ 0 with {@code nthRepeat(start, every, k) <= now}; -1 when {@code now} is before {@code start}.
   * Working-day and month-based limits stop counting at {@link #MAX_REPEATS}.
   */
  public int repeatsElapsed(Instant start, DeadlineSpec every, Instant now) {
    requirePositive(every);
    if (now.isBefore(start)) {
      return -1;
    }
    Duration fixed = every.exactDuration();
    if (fixed != null) {
      return (int) Math.min(Duration.between(start, now).dividedBy(fixed), Integer.MAX_VALUE);
    }
    int k = 0;
    if (every.isWorkingDays()) {
      LocalDate day = effectiveStartDay(start);
      while (k < MAX_REPEATS) {
        day = advance(day, every.workingDays(), null);
        if (closeOf(day).isAfter(now)) {
          break;
        }
        k++;
      }
      return k;
    }
    while (k < MAX_REPEATS && !every.addCalendarTime(start, ZONE, k + 1L).isAfter(now)) {
      k++;
    }
    return k;
  }

  /**
   * What the calendar knows about {@code year}. Asking for a year without a notice lists it among
   * {@link #missingYears()}.
   */
  public YearInfo year(int year) {
    Data d = data;
    boolean official = d.officialYears().contains(year);
    if (!official) {
      noteMissing(year);
    }
    List<LocalDate> daysOff = new ArrayList<>();
    List<LocalDate> makeUpDays = new ArrayList<>();
    d.listedDays().subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
        .forEach((date, offDay) -> (offDay ? daysOff : makeUpDays).add(date));
    return new YearInfo(year, official, daysOff, makeUpDays, d.sourcesByYear().getOrDefault(year, List.of()));
  }

  private LocalDate effectiveStartDay(Instant from) {
    LocalDateTime local = LocalDateTime.ofInstant(from, ZONE);
    LocalDate day = local.toLocalDate();
    if (!isWorkingDay(day) || local.toLocalTime().isAfter(officeClose)) {
      return nextWorkingDay(day);
    }
    return day;
  }

  private LocalDate advance(LocalDate day, int workingDays, List<LocalDate> counted) {
    for (int i = 0; i < workingDays; i++) {
      day = nextWorkingDay(day);
      if (counted != null) {
        counted.add(day);
      }
    }
    return day;
  }

  private LocalDate nextWorkingDay(LocalDate day) {
    do {
      day = day.plusDays(1);
    } while (!isWorkingDay(day));
    return day;
  }

  private LocalDate previousWorkingDay(LocalDate day) {
    do {
      day = day.minusDays(1);
    } while (!isWorkingDay(day));
    return day;
  }

  private Instant closeOf(LocalDate day) {
    return day.atTime(officeClose).atZone(ZONE).toInstant();
  }

  private static void requirePositive(DeadlineSpec every) {
    if (every.isZero()) {
      throw new IllegalArgumentException("重复间隔必须大于零：" + every);
    }
  }
}
