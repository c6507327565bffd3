package cn.parkflow.deadline;

import java.nio.file.Path;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the working-day calendar.
 *
 * @param location    optional folder of holiday-cn {@code {year}.json} files; a file there replaces the bundled file
 *                    of the same year, so a new State Council notice can be added without a release
 * @param officeClose office closing time, Asia/Shanghai: working-day deadlines end at it, and a start after it counts
 *                    from the next working day. There is no opening time: the day a limit starts is not counted anyway (民法典
 *                    Art. 201), so whether a task was created before the office opened changes no due date.
 */
@ConfigurationProperties("parkflow.calendar")
public record CalendarProperties(
    Path location, @DefaultValue("17:30") LocalTime officeClose) {}
