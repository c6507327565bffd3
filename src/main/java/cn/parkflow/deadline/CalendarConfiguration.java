package cn.parkflow.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared working-day calendar, loaded once at start-up from the bundled notices and the optional folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    return WorkingDayCalendar.load(properties.location(), properties.officeClose());
  }
}
