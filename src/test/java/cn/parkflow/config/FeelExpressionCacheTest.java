package cn.parkflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Decision tables parse each FEEL expression once, and decide exactly as Camunda's own FEEL integration does. */
@IntegrationTest
class FeelExpressionCacheTest {
  static final Pattern INPUT = Pattern.compile(
      "<inputExpression[^>]*?typeRef=\"([^\"]*)\"[^>]*>\\s*<text>([^<]*)</text>", Pattern.DOTALL);
  static final Pattern NUMBER = Pattern.compile("(?<![\\w\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");
  static final Pattern STRING = Pattern.compile("&#34;([^&]*)&#34;|\"([^\"<>=]{1,40})\"");

  @Autowired ProcessEngine engine;

  DmnEngine camundas() {
    return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  DmnEngine cached() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new FeelExpressionCache.Factory());
    return configuration.buildEngine();
  }

  /** The engine's decision tables run on the caching FEEL engine. */
  @Test
  void theProcessEnginesDecisionsUseTheCache() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
        .isInstanceOf(FeelExpressionCache.Factory.class);
  }

  /** A second evaluation of a table parses nothing new: every expression it reads was kept the first time. */
  @Test
  void aSecondEvaluationParsesNothing() throws IOException {
    FeelExpressionCache.CachingFeelEngine feel =
        (FeelExpressionCache.CachingFeelEngine) new FeelExpressionCache.Factory().createInstance();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> feel);
    DmnEngine dmn = configuration.buildEngine();
    DmnDecision routing;
    try (InputStream in = Files.newInputStream(Path.of("bpmn/project-review-routing.dmn"))) {
      routing = dmn.parseDecisions(in).get(0);
    }
    Map<String, Object> chemicalPlant = Map.of("industryCode", "26", "totalInvestment", 20000.0, "landArea", 50.0,
        "annualEnergyTce", 1500.0, "annualElectricityKwh", 600.0, "hazardousChemicals", true);
    var first = dmn.evaluateDecisionTable(routing, chemicalPlant).getResultList();
    int parsed = feel.cachedExpressions();
    assertThat(parsed).isPositive();
    var second = dmn.evaluateDecisionTable(routing, chemicalPlant).getResultList();
    assertThat(feel.cachedExpressions()).isEqualTo(parsed);
    assertThat(second).isEqualTo(first).isNotEmpty();
  }

  /**
   * Every decision table in bpmn/, evaluated with 300 seeded random inputs (the numbers and texts its own rules name,
   * either side of them, and missing values), gives the same result list, or fails with the same error, on Camunda's
   * FEEL engine and on the caching one.
   */
  @Test
  void everyDecisionTableDecidesAsWithCamundasOwnFeelEngine() throws IOException {
    DmnEngine camundas = camundas();
    DmnEngine cached = cached();
    int compared = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("bpmn"), "*.dmn")) {
      for (Path file : files) {
        String xml = Files.readString(file);
        Map<String, String> inputs = new HashMap<>();
        Matcher input = INPUT.matcher(xml);
        while (input.find()) {
          inputs.put(input.group(2).trim(), input.group(1));
        }
        List<Object> numbers = new ArrayList<>(List.of(0));
        Matcher n = NUMBER.matcher(xml.replaceAll("(?s)<dmndi:DMNDI>.*", ""));
        while (n.find()) {
          double v = Double.parseDouble(n.group());
          numbers.add(v);
          numbers.add(v - 1);
          numbers.add(v + 1);
        }
        Set<String> texts = new LinkedHashSet<>(List.of("", "其他"));
        Matcher t = STRING.matcher(xml);
        while (t.find()) {
          texts.add(t.group(1) != null ? t.group(1) : t.group(2));
        }
        List<DmnDecision> ours;
        List<DmnDecision> theirs;
        try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
          ours = cached.parseDecisions(a);
          theirs = camundas.parseDecisions(b);
        }
        Random random = new Random(file.getFileName().toString().hashCode());
        for (int d = 0; d < ours.size(); d++) {
          if (!ours.get(d).isDecisionTable()) {
            continue;
          }
          for (int i = 0; i < 300; i++) {
            Map<String, Object> variables = new HashMap<>();
            inputs.forEach((name, type) -> variables.put(name, sample(type, random, numbers, List.copyOf(texts))));
            assertThat(outcome(cached, ours.get(d), variables))
                .as("%s with %s", ours.get(d).getKey(), variables)
                .isEqualTo(outcome(camundas, theirs.get(d), variables));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(7 * 300);
  }

  static Object sample(String type, Random random, List<Object> numbers, List<String> texts) {
    if (random.nextInt(12) == 0) {
      return null;
    }
    Object number = numbers.get(random.nextInt(numbers.size()));
    return switch (type) {
      case "boolean" -> random.nextBoolean();
      case "integer" -> (int) Math.round(((Number) number).doubleValue());
      case "double" -> ((Number) number).doubleValue();
      default -> texts.get(random.nextInt(texts.size()));
    };
  }

  static String outcome(DmnEngine dmn, DmnDecision decision, Map<String, Object> variables) {
    try {
      return dmn.evaluateDecisionTable(decision, Variables.fromMap(variables)).getResultList().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
