package cn.parkflow.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * What the working-day calendar knows about one calendar year.
 *
 * @param year              the calendar year
 * @param official          whether that year's State Council notice was loaded; if not, the calendar counts Monday
 *                          to Friday as working days
 * @param daysOff           official days off within the year, sorted, from every loaded file
 * @param makeUpWorkingDays official make-up working days (调休补班) within the year, sorted
 * @param source            the files the dates came from, each followed by the notice links it names
 */
public record YearInfo(
    int year, boolean official, List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays, List<String> source) {

  public YearInfo {
    daysOff = List.copyOf(daysOff);
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    source = List.copyOf(source);
  }
}
