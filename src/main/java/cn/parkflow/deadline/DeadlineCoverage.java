package cn.parkflow.deadline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every time limit the models ask for is configured, checked at start-up so a missing one fails with one clear line
 * instead of when its task is created: each {@code deadlines.due('<process>', '<name>')} (or {@code dueFrom},
 * {@code before}) in a model, and, where a model names the limit by a variable
 * ({@code deadlines.due('project-approval', reviewKey)}), every value of that output a decision table the model calls
 * can return for a task ({@code mode} {@code "task"}), with the suffix the model adds to it, if any
 * ({@code reviewKey.concat('-extension')}).
 */
@Component
public class DeadlineCoverage {
  private static final Pattern DUE = Pattern.compile(
      "deadlines\\.(?:due|dueFrom|before)\\(\\s*(?:[^,()]+,\\s*)?'([^']+)'\\s*,\\s*(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_]*)"
          + "(?:\\.concat\\('([^']*)'\\))?)\\s*\\)");
  private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"");
  private static final String MODE = "mode";
  private static final String TASK_MODE = "\"task\"";

  public DeadlineCoverage(Deadlines deadlines) throws IOException {
    List<String> missing = missing(read("bpmn"), readDecisions(), deadlines::configured);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(message(missing));
    }
  }

  /** The one line a start-up without every limit fails with. */
  public static String message(List<String> missing) {
    return "Time limits the models need are not configured: " + String.join("; ", missing)
        + " (add them under parkflow.deadlines in application.yaml)";
  }

  /**
   * What is missing, each as {@code parkflow.deadlines.<process>.<name> (where it is asked for)}.
   *
   * @param models the BPMN models' XML by file name
   * @param decisions the DMN models by file name
   */
  public static List<String> missing(Map<String, String> models, Map<String, DmnModelInstance> decisions,
      BiPredicate<String, String> configured) {
    Set<String> missing = new LinkedHashSet<>();
    for (Map.Entry<String, String> model : models.entrySet()) {
      List<String> refs = new ArrayList<>();
      Matcher ref = DECISION_REF.matcher(model.getValue());
      while (ref.find()) {
        refs.add(ref.group(1));
      }
      Matcher due = DUE.matcher(model.getValue());
      while (due.find()) {
        String process = due.group(1);
        if (due.group(2) != null) {
          if (!configured.test(process, due.group(2))) {
            missing.add("parkflow.deadlines." + process + "." + due.group(2) + " (" + model.getKey() + ")");
          }
          continue;
        }
        String variable = due.group(3);
        for (Map.Entry<String, DmnModelInstance> dmn : decisions.entrySet()) {
          for (Decision decision : dmn.getValue().getModelElementsByType(Decision.class)) {
            if (!refs.contains(decision.getId()) || !(decision.getExpression() instanceof DecisionTable table)) {
              continue;
            }
            for (String value : taskValues(table, variable)) {
              String name = due.group(4) == null ? value : value + due.group(4);
              if (!configured.test(process, name)) {
                missing.add("parkflow.deadlines." + process + "." + name + " (" + variable + " of "
                    + decision.getId() + " in " + dmn.getKey() + ", used by " + model.getKey() + ")");
              }
            }
          }
        }
      }
    }
    return List.copyOf(missing);
  }

  /** The values of output {@code name} in the rows that open a task (every row when the table has no mode). */
  private static Set<String> taskValues(DecisionTable table, String name) {
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int column = -1;
    int mode = -1;
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        column = i;
      } else if (MODE.equals(outputs.get(i).getName())) {
        mode = i;
      }
    }
    Set<String> values = new LinkedHashSet<>();
    if (column < 0) {
      return values;
    }
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      if (mode >= 0 && !TASK_MODE.equals(entries.get(mode).getTextContent().strip())) {
        continue;
      }
      values.add(entries.get(column).getTextContent().strip().replace("\"", ""));
    }
    return values;
  }

  private static Map<String, String> read(String folder) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/**/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        texts.put(folder + "/" + r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private static Map<String, DmnModelInstance> readDecisions() throws IOException {
    Map<String, DmnModelInstance> models = new TreeMap<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        models.put("bpmn/" + r.getFilename(), Dmn.readModelFromStream(new ByteArrayInputStream(in.readAllBytes())));
      }
    }
    return models;
  }
}
