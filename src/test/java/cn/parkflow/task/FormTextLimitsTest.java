package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user types into a form under {@code bpmn/forms/} has a maximum length the form enforces
 * ({@code validate.maxLength}) and names in its description, and a decision's opinion and missing items have exactly
 * the limits the engine enforces ({@link DecisionRules}).
 */
class FormTextLimitsTest {
  static final Path FORMS = Path.of("bpmn", "forms");

  record Field(String form, JsonNode component) {
    String key() {
      return component.path("key").asText();
    }

    int maxLength() {
      return component.path("validate").path("maxLength").asInt(-1);
    }
  }

  static List<Field> editableTextFields() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Field> fields = new ArrayList<>();
    try (Stream<Path> files = Files.walk(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode c : mapper.readTree(file.toFile()).path("components")) {
          String type = c.path("type").asText();
          boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
          if (editable && (type.equals("textfield") || type.equals("textarea"))) {
            fields.add(new Field(file.getFileName().toString(), c));
          }
        }
      }
    }
    return fields;
  }

  @Test
  void everyTypedTextHasAMaximumLength() throws IOException {
    List<Field> fields = editableTextFields();
    assertThat(fields).isNotEmpty();
    assertThat(fields).allSatisfy(f -> assertThat(f.maxLength()).as(f.form() + " " + f.key()).isPositive());
  }

  @Test
  void opinionAndMissingItemsHaveTheEnginesLimitsAndSayThem() throws IOException {
    List<Field> decisionTexts = editableTextFields().stream()
        .filter(f -> f.key().equals(DecisionRules.OPINION) || f.key().equals(DecisionRules.MISSING_ITEMS)).toList();
    assertThat(decisionTexts).hasSizeGreaterThanOrEqualTo(4);
    assertThat(decisionTexts).allSatisfy(f -> {
      int limit = f.key().equals(DecisionRules.OPINION) ? DecisionRules.MAX_OPINION : DecisionRules.MAX_MISSING_ITEMS;
      assertThat(f.maxLength()).as(f.form() + " " + f.key()).isEqualTo(limit);
      assertThat(f.component().path("description").asText()).as(f.form() + " " + f.key())
          .contains("不超过 " + limit + " 字");
    });
  }
}
