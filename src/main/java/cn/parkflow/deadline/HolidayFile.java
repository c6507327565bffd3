package cn.parkflow.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One year's State Council holiday notice in the holiday-cn JSON format:
 * {@code {"year": 2026, "papers": [url], "days": [{"name": "春节", "date": "2026-02-15", "isOffDay": true}]}}.
 * A day with {@code isOffDay: false} is a make-up working day (调休补班). Ordinary weekends are not listed.
 *
 * @param year   the year of the notice; its days may include December dates of the year before
 * @param papers links to the notice
 * @param days   listed days off and make-up working days
 * @param source where the file came from, shown to users as the data's origin
 */
public record HolidayFile(int year, List<String> papers, List<Day> days, String source) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public HolidayFile {
    papers = List.copyOf(papers);
    days = List.copyOf(days);
  }

  /** A listed date: {@code offDay} true for a day off, false for a make-up working day. */
  public record Day(String name, LocalDate date, boolean offDay) {}

  /**
   * Reads and checks one file; the stream is not closed.
   *
   * @throws IllegalStateException naming {@code source} when the file is not valid holiday-cn data
   */
  public static HolidayFile read(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Calendar file " + source + " is not readable JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.path("year").canConvertToInt() || !root.path("year").isIntegralNumber()) {
      throw invalid(source, "\"year\" must be an integer");
    }
    if (!root.path("days").isArray()) {
      throw invalid(source, "\"days\" must be an array");
    }
    List<String> papers = new ArrayList<>();
    for (JsonNode paper : root.path("papers")) {
      papers.add(paper.asText());
    }
    List<Day> days = new ArrayList<>();
    for (JsonNode day : root.path("days")) {
      if (!day.path("isOffDay").isBoolean()) {
        throw invalid(source, "\"isOffDay\" must be true or false in " + day);
      }
      try {
        days.add(new Day(day.path("name").asText(""), LocalDate.parse(day.path("date").asText()),
            day.path("isOffDay").booleanValue()));
      } catch (DateTimeParseException e) {
        throw invalid(source, "\"date\" must be YYYY-MM-DD in " + day);
      }
    }
    return new HolidayFile(root.path("year").intValue(), papers, days, source);
  }

  private static IllegalStateException invalid(String source, String problem) {
    return new IllegalStateException("Calendar file " + source + " is invalid: " + problem);
  }
}
