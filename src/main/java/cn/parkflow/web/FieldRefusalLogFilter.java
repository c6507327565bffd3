package cn.parkflow.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps a {@link FieldRefusal} out of the error log. The engine logs an exception that ends a command at ERROR with its
 * stack trace ({@value #ENGINE_CONTEXT_LOGGER}, ENGINE-16004) unless it is a {@code BadUserRequestException} itself; a
 * refusal thrown by a task listener (the decision guard) reaches it wrapped in the engine's own exception, so every
 * form a clerk submits with a missing opinion would be logged as an error. It is the user's input error, answered with
 * 400 naming the field ({@link EngineRestErrors}). Only that one log event is dropped; the check is one comparison for
 * any other event.
 *
 * <p>A refusal installs the filter when it is created ({@link #install}), before the engine can log it: logback drops
 * its filters whenever it is configured again (e.g. by another application context in the same JVM), so a filter
 * installed once at startup could be gone.
 */
public final class FieldRefusalLogFilter extends TurboFilter {
  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  /** Adds the filter to logback's context unless it is there; does nothing on another logging backend. */
  public static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    synchronized (FieldRefusalLogFilter.class) {
      for (TurboFilter installed : context.getTurboFilterList()) {
        if (installed instanceof FieldRefusalLogFilter) {
          return;
        }
      }
      FieldRefusalLogFilter filter = new FieldRefusalLogFilter();
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FieldRefusal) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
