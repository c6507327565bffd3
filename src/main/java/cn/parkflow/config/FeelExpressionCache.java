package cn.parkflow.config;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Decision tables parse each FEEL expression once. Camunda 7's FEEL integration ({@link ScalaFeelEngine}) parses every
 * input entry, output entry and input expression again at every evaluation; in the throughput benchmark that parsing
 * was most of the 5–6 % of ParkFlow's CPU spent evaluating {@code project-review-routing} (issue 13,
 * docs/benchmarks.md). This engine keeps the parsed form of each expression text and evaluates it exactly as
 * {@link ScalaFeelEngine} does: the same FEEL engine, the same variable context (the unary tests' input under the name
 * {@code inputVariableName}, then the decision's variables), the same result and the same error for a failure.
 *
 * <p>The cache holds parsed expression texts only, never values; the texts come from deployed decision tables, so it
 * is bounded by what is deployed ({@link #MAX_EXPRESSIONS} as a guard; past it, expressions are parsed every time as
 * before). It uses the FEEL engine's own (shaded) API, which Camunda's integration uses too; on Operaton the imports
 * change with the rest.
 */
@Component
public class FeelExpressionCache extends AbstractProcessEnginePlugin {
  static final int MAX_EXPRESSIONS = 10_000;
  static final String INPUT_VARIABLE_NAME = "inputVariableName";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(new Factory());
      configuration.setDmnEngineConfiguration(dmn);
    }
  }

  /** Makes {@link CachingFeelEngine}s (no custom FEEL functions: ParkFlow's decision tables use none). */
  static final class Factory implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      return new CachingFeelEngine();
    }
  }

  /** {@link ScalaFeelEngine} with the parsed form of each expression kept. */
  static final class CachingFeelEngine extends ScalaFeelEngine {
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    CachingFeelEngine() {
      super(List.of());
    }

    int cachedExpressions() {
      return expressions.size() + unaryTests.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
      return (T) result(feelEngine.eval(parsed, context(new ContextVariableWrapper(variableContext))));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
      VariableProvider input = new VariableProvider.StaticVariableProvider(
          new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      Context context = context(input, new ContextVariableWrapper(variableContext));
      Object matched = result(feelEngine.eval(parsed, context));
      return matched != null && (Boolean) matched; // as Scala's unboxing in ScalaFeelEngine: null is false
    }

    private static ParsedExpression parsed(
        Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> cache, String expression,
        Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> result = cache.get(expression);
      if (result == null) {
        result = parse.apply(expression);
        if (result instanceof Right && cache.size() < MAX_EXPRESSIONS) {
          cache.put(expression, result);
        }
      }
      return (ParsedExpression) result(result);
    }

    /** The value of a parse or an evaluation, or the exception {@link ScalaFeelEngine} throws for its failure. */
    private static Object result(Either<?, ?> either) {
      if (either instanceof Right<?, ?> right) {
        return right.value();
      }
      org.camunda.feel.FeelEngine.Failure failure = (org.camunda.feel.FeelEngine.Failure) ((Left<?, ?>) either).value();
      throw failure(failure.message());
    }

    private static FeelException failure(String message) {
      return org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger.LOGGER.evaluationException(message);
    }

    /** As {@link ScalaFeelEngine}: one provider as it is, several as one composite, first wins. */
    private Context context(VariableProvider... providers) {
      VariableProvider provider = providers.length == 1 ? providers[0]
          : new VariableProvider.CompositeVariableProvider(toScalaList(providers));
      return new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return provider;
        }
      };
    }
  }
}
