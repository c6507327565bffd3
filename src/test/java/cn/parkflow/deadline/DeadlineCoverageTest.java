package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiPredicate;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** Every time limit the models ask for (named in a model, or a review key of a routing table) is configured. */
class DeadlineCoverageTest {
  private static final Path BPMN = Path.of(System.getProperty("basedir", ".")).resolve("bpmn");

  private static Map<String, String> models() throws IOException {
    return Map.of("bpmn/project-approval.bpmn", Files.readString(BPMN.resolve("project-approval.bpmn")),
        "bpmn/enterprise-onboarding.bpmn", Files.readString(BPMN.resolve("enterprise-onboarding.bpmn")),
        "bpmn/enterprise-registration.bpmn", Files.readString(BPMN.resolve("enterprise-registration.bpmn")),
        "bpmn/land-supply.bpmn", Files.readString(BPMN.resolve("land-supply.bpmn")),
        "bpmn/construction-watch.bpmn", Files.readString(BPMN.resolve("construction-watch.bpmn")));
  }

  private static Map<String, DmnModelInstance> decisions() {
    return Map.of("bpmn/project-review-routing.dmn",
        Dmn.readModelFromFile(BPMN.resolve("project-review-routing.dmn").toFile()));
  }

  /** The limits application.yaml configures. */
  private static BiPredicate<String, String> applicationYaml() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties properties = yaml.getObject();
    return (process, name) -> properties.containsKey("parkflow.deadlines." + process + "." + name);
  }

  @Test
  @DisplayName("application.yaml configures every limit the models and the routing table's task rows ask for")
  void everyLimitIsConfigured() throws IOException {
    assertThat(DeadlineCoverage.missing(models(), decisions(), applicationYaml())).isEmpty();
  }

  @Test
  @DisplayName("a review key without a limit is named, with the table and model that ask for it; filings need none")
  void aMissingReviewKeyIsNamed() throws IOException {
    BiPredicate<String, String> withoutEnergy = (p, n) -> !"energy-review".equals(n)
        && !"intake-review".equals(n) && applicationYaml().test(p, n);
    assertThat(DeadlineCoverage.missing(models(), decisions(), withoutEnergy)).containsExactly(
        "parkflow.deadlines.project-approval.intake-review (bpmn/project-approval.bpmn)",
        "parkflow.deadlines.project-approval.energy-review (reviewKey of project-review-routing in"
            + " bpmn/project-review-routing.dmn, used by bpmn/project-approval.bpmn)");
    assertThat(DeadlineCoverage.message(DeadlineCoverage.missing(models(), decisions(), withoutEnergy)))
        .doesNotContain("\n").contains("energy-review", "intake-review", "application.yaml");
    assertThat(applicationYaml().test("project-approval", "drc-filing")).isFalse();
  }

  @Test
  @DisplayName("a review's own extension is asked for by the review key and a suffix: a key without its extension"
      + " limit is named")
  void aMissingExtensionIsNamed() throws IOException {
    BiPredicate<String, String> withoutSafetyExtension = (p, n) -> !"safety-review-extension".equals(n)
        && applicationYaml().test(p, n);
    assertThat(DeadlineCoverage.missing(models(), decisions(), withoutSafetyExtension)).containsExactly(
        "parkflow.deadlines.project-approval.safety-review-extension (reviewKey of project-review-routing in"
            + " bpmn/project-review-routing.dmn, used by bpmn/project-approval.bpmn)");
  }

  @Test
  @DisplayName("a warning timer's limit before a date (deadlines.before) is checked like a due date")
  void aWarningBeforeADateIsChecked() throws IOException {
    BiPredicate<String, String> withoutWarning = (p, n) -> !"start-warning".equals(n)
        && applicationYaml().test(p, n);
    assertThat(DeadlineCoverage.missing(models(), decisions(), withoutWarning)).containsExactly(
        "parkflow.deadlines.construction-watch.start-warning (bpmn/construction-watch.bpmn)");
  }
}
