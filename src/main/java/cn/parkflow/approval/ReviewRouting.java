package cn.parkflow.approval;

import cn.parkflow.identity.Department;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * The reviews a case needs, as decided by the DMN table {@code project-review-routing} (hit policy COLLECT, one row
 * per review). The model keeps the decision's rows as a small JSON text ({@code reviewPlan}); the engine stores no
 * Java objects. A review in mode {@code task} becomes one instance of the parallel department review, with the time
 * limit {@code parkflow.deadlines.project-approval.<reviewKey>}; a review in mode {@code auto} (备案, 登记表) is
 * recorded without a user task.
 */
@Component("reviewRouting")
public class ReviewRouting {
  public static final String MODE_TASK = "task";
  public static final String MODE_AUTO = "auto";
  /**
   * A row that only records a finding on the case, with no task and no notice: the matter is not this county's (an
   * energy review that belongs to the provincial office) or needs nothing (a project outside the EIA catalogue).
   */
  public static final String MODE_RECORD = "record";

  /** One row of the routing decision. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Review(String reviewKey, String reviewName, String department, String mode, String checks) {
    @JsonIgnore
    public String departmentName() {
      return Department.nameOf(department);
    }

    @JsonIgnore
    public boolean isTask() {
      return MODE_TASK.equals(mode);
    }

    @JsonIgnore
    public boolean isRecordOnly() {
      return MODE_RECORD.equals(mode);
    }
  }

  private final ObjectMapper objectMapper;

  public ReviewRouting(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** The decision's rows as the {@code reviewPlan} text; a review matched by two rows counts once. */
  public String plan(DmnDecisionResult decisionResult) {
    Map<String, Review> reviews = new LinkedHashMap<>();
    for (DmnDecisionResultEntries row : decisionResult) {
      String key = row.getEntry("reviewKey");
      if (key == null || reviews.containsKey(key)) {
        continue;
      }
      String mode = row.getEntry("mode");
      if (!MODE_TASK.equals(mode) && !MODE_AUTO.equals(mode) && !MODE_RECORD.equals(mode)) {
        throw new IllegalStateException("Routing row " + key + " has mode " + mode + "; expected task, auto or record");
      }
      reviews.put(key, new Review(key, row.getEntry("reviewName"), row.getEntry("department"), mode,
          row.getEntry("checks")));
    }
    try {
      return objectMapper.writeValueAsString(List.copyOf(reviews.values()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The routing inputs (industry, land, energy, electricity, hazardous chemicals, investment) a supplement changed,
   * each as {@code 名称：旧值 → 新值}; empty when the routing table would get the same inputs.
   */
  public static List<String> changedInputs(ProjectApplication before, ProjectApplication after) {
    List<String> changes = new java.util.ArrayList<>();
    change(changes, "行业大类代码", before.industryCode(), after.industryCode());
    change(changes, "新增用地（亩）", before.landArea(), after.landArea());
    change(changes, "年综合能耗（吨标准煤）", before.annualEnergyTce(), after.annualEnergyTce());
    change(changes, "年电力消费量（万千瓦时）", before.annualElectricityKwh(), after.annualElectricityKwh());
    change(changes, "涉及危险化学品", before.hazardousChemicals() ? "是" : "否", after.hazardousChemicals() ? "是" : "否");
    change(changes, "总投资（万元）", before.totalInvestment(), after.totalInvestment());
    return changes;
  }

  private static void change(List<String> changes, String label, Object before, Object after) {
    boolean same = before instanceof java.math.BigDecimal b && after instanceof java.math.BigDecimal a
        ? b.compareTo(a) == 0 : java.util.Objects.equals(before, after);
    if (!same) {
      changes.add(label + "：" + text(before) + " → " + text(after));
    }
  }

  private static String text(Object value) {
    return value == null ? "未填" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** The reviews of {@code fresh} that {@code plan} does not have yet (a supplement changed the facts). */
  public List<Review> added(String plan, String fresh) {
    java.util.Set<String> known = reviews(plan).stream().map(Review::reviewKey)
        .collect(java.util.stream.Collectors.toSet());
    return reviews(fresh).stream().filter(r -> !known.contains(r.reviewKey())).toList();
  }

  /** {@code plan} with {@code added} after its own rows: reviews done or under way stay. */
  public String merged(String plan, List<Review> added) {
    List<Review> all = new java.util.ArrayList<>(reviews(plan));
    all.addAll(added);
    try {
      return objectMapper.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Review> reviews(String plan) {
    if (plan == null || plan.isBlank()) {
      return List.of();
    }
    try {
      return objectMapper.readValue(plan, new TypeReference<List<Review>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable review plan: " + plan, e);
    }
  }

  /** The multi-instance collection of the department review: the keys of the task-mode reviews. */
  public List<String> taskReviewKeys(String plan) {
    return reviews(plan).stream().filter(Review::isTask).map(Review::reviewKey).toList();
  }

  /** The filings recorded at once (mode {@code auto}). */
  public List<Review> automaticReviews(String plan) {
    return reviews(plan).stream().filter(r -> MODE_AUTO.equals(r.mode())).toList();
  }

  /** The findings only recorded on the case (mode {@code record}). */
  public List<Review> recordedReviews(String plan) {
    return reviews(plan).stream().filter(Review::isRecordOnly).toList();
  }

  public Review review(String plan, String reviewKey) {
    return reviews(plan).stream().filter(r -> r.reviewKey().equals(reviewKey)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No review " + reviewKey + " in plan " + plan));
  }

  public String name(String plan, String reviewKey) {
    return review(plan, reviewKey).reviewName();
  }

  public String department(String plan, String reviewKey) {
    return review(plan, reviewKey).department();
  }

  /** The candidate group of a review's extension: its department's leaders. */
  public String leaders(String plan, String reviewKey) {
    return Department.leadersOf(department(plan, reviewKey));
  }

  public String departmentName(String plan, String reviewKey) {
    return review(plan, reviewKey).departmentName();
  }

  public String checks(String plan, String reviewKey) {
    return review(plan, reviewKey).checks();
  }
}
