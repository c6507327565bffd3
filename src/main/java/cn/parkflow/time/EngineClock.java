package cn.parkflow.time;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine sees it. Tests move the engine clock by hand to fire timers; due dates, lights and reminders
 * follow the same clock. This is the one place that touches the engine's internal clock (an {@code impl} class), so a
 * move to Operaton changes only this file.
 */
@Component
public class EngineClock {
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
