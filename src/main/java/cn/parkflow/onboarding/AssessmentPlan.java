package cn.parkflow.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * The assessments {@code admission-assessments.dmn} chose (hit policy COLLECT; an assessment two rows chose is done
 * once), kept as JSON text in {@code assessmentPlan}; the model reads each instance's department and name from it.
 */
@Component("assessmentRouting")
public class AssessmentPlan {
  private static final TypeReference<List<Assessment>> LIST = new TypeReference<>() {};
  private final ObjectMapper mapper;

  public AssessmentPlan(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public record Assessment(String key, String name, String department) {}

  public String plan(DmnDecisionResult rows) {
    Map<String, Assessment> chosen = new LinkedHashMap<>();
    rows.getResultList().forEach(r -> chosen.putIfAbsent((String) r.get("assessmentKey"), new Assessment(
        (String) r.get("assessmentKey"), (String) r.get("assessmentName"), (String) r.get("department"))));
    try {
      return mapper.writeValueAsString(List.copyOf(chosen.values()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Assessment> assessments(String plan) {
    try {
      return plan == null ? List.of() : mapper.readValue(plan, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("assessmentPlan is not the plan's JSON: " + plan, e);
    }
  }

  public List<String> keys(String plan) {
    return assessments(plan).stream().map(Assessment::key).toList();
  }

  public String department(String plan, String key) {
    return find(plan, key).department();
  }

  public String name(String plan, String key) {
    return find(plan, key).name();
  }

  /** {@code 能耗评估（发展和改革局）}: what one assessment is and who makes it, as Tasklist shows it. */
  public String title(String plan, String key) {
    Assessment a = find(plan, key);
    return a.name() + "（" + cn.parkflow.identity.Department.nameOf(a.department()) + "）";
  }

  /** Every assessment of the case, one a line, as {@link #title} writes it. */
  public String titles(String plan) {
    return String.join("\n", keys(plan).stream().map(k -> title(plan, k)).toList());
  }

  private Assessment find(String plan, String key) {
    return assessments(plan).stream().filter(a -> a.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No assessment " + key + " in " + plan));
  }
}
