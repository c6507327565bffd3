package cn.parkflow.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The park's time zone and the date formats staff and applicants read. Every date ParkFlow shows or counts is in
 * Beijing time, whatever the server's zone.
 */
public final class Beijing {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** "2026年3月5日", as documents print their date. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZONE);
  /** "2026年3月5日 17:30", as notices and reminders print a due date. */
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);

  private Beijing() {}

  /** The instant as an ISO-8601 date-time with Beijing's offset, as the APIs answer it; null stays null. */
  public static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE);
  }
}
