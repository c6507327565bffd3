package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Only the engine's ERROR log of a refusal naming its fields is dropped. */
class FieldRefusalLogFilterTest {
  static final class Refused extends NotValidException implements FieldRefusal {
    Refused() {
      super("请选择办理结论（decision）");
    }

    @Override
    public List<FieldError> errors() {
      return List.of(new FieldError("decision", getMessage()));
    }
  }

  final LoggerContext context = new LoggerContext();
  final Logger engine = context.getLogger(FieldRefusalLogFilter.ENGINE_CONTEXT_LOGGER);
  final FieldRefusalLogFilter filter = new FieldRefusalLogFilter();

  FilterReply decide(Logger logger, Level level, Throwable thrown) {
    // as the engine logs it: the message's parameter, then the exception as last parameter
    return filter.decide(null, logger, level, "ENGINE-16004 Exception while closing command context: {}",
        new Object[] {thrown.getMessage(), thrown}, null);
  }

  @Test
  void theEnginesErrorLogOfAWrappedRefusalIsDropped() {
    var wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
        new Refused());
    assertThat(decide(engine, Level.ERROR, wrapped)).isEqualTo(FilterReply.DENY);
    assertThat(decide(engine, Level.ERROR, new Refused())).isEqualTo(FilterReply.DENY);
  }

  @Test
  void installedOnceInLogbacksContext() {
    LoggerContext real = (LoggerContext) LoggerFactory.getILoggerFactory();
    real.getTurboFilterList().removeIf(f -> f instanceof FieldRefusalLogFilter);
    FieldRefusalLogFilter.install();
    FieldRefusalLogFilter.install();
    assertThat(real.getTurboFilterList()).filteredOn(f -> f instanceof FieldRefusalLogFilter).hasSize(1)
        .allMatch(TurboFilter::isStarted);
  }

  @Test
  void everythingElseIsLogged() {
    assertThat(decide(engine, Level.ERROR, new ProcessEngineException("boom", new NotValidException("x"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.WARN, new Refused())).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(context.getLogger("cn.parkflow"), Level.ERROR, new Refused())).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, engine, Level.ERROR, "no parameters", null, null)).isEqualTo(FilterReply.NEUTRAL);
  }
}
