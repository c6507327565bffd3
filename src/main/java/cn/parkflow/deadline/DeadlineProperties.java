package cn.parkflow.deadline;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits (时限) per process and step: {@code parkflow.deadlines.<process key>.<name>=<n>wd|<ISO duration>}, and
 * reminder timing. Every value is checked at start, so a typo stops the start instead of a task.
 */
@ConfigurationProperties("parkflow")
public record DeadlineProperties(
    Map<String, Map<String, String>> deadlines,
    @DefaultValue Reminders reminders) {

  /**
   * @param beforeDue    a task turns yellow (and its assignee is reminded) this long before its due date
   * @param overdueEvery an overdue task is escalated again this often while it stays red
   * @param scanInterval how often the reminder scan runs
   */
  public record Reminders(
      @DefaultValue("1wd") String beforeDue,
      @DefaultValue("1wd") String overdueEvery,
      @DefaultValue("PT1M") java.time.Duration scanInterval) {}
}
