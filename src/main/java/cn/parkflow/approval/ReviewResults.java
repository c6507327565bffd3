package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.identity.Department;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every review's result for the joint decision and the final notices, read from the case record: the last
 * completion of each department review (a review that returned the case counts with its later decision) and the
 * automatically recorded filings.
 */
@Component
public class ReviewResults {
  /** The longest text the engine keeps in a String variable (its 4,000-character text column). */
  public static final int MAX_TEXT = 4000;
  static final String CUT = "……（全文见案件记录）";

  private final CaseRecord caseRecord;
  private final ReviewRouting routing;

  public ReviewResults(CaseRecord caseRecord, ReviewRouting routing) {
    this.caseRecord = caseRecord;
    this.routing = routing;
  }

  /**
   * One review's outcome.
   *
   * @param name the step's name as recorded
   * @param matter the licence or filing the review decides (e.g. 环境影响报告书审批)
   */
  public record Result(String name, String matter, String department, String decision, String opinion,
      String actor) {
    public String departmentName() {
      return Department.nameOf(department);
    }

    public boolean rejected() {
      return DecisionRules.REJECT.equals(decision);
    }

    /**
     * The department's decision as its own act (Order 673 Art. 10; 行政许可法 Art. 26: the window only delivers):
     * {@code 1. 环境影响报告书审批：生态环境局依法作出决定——不予通过。理由：…}, the organ named by {@code organ}.
     */
    public String act(int index, java.util.function.Function<String, String> organ) {
      return index + ". " + matter + "：" + organ.apply(department) + "依法作出决定——" + decisionLabel()
          + (opinion == null ? "" : "。" + (rejected() ? "理由" : "意见") + "：" + opinion);
    }

    public String decisionLabel() {
      return label(decision);
    }

    /** {@code 1. 部门审查：…（发展和改革局）：同意。意见：…} as the form and the notices print it. */
    public String line(int index) {
      return index + ". " + name + "：" + decisionLabel() + (opinion == null ? "" : "。意见：" + opinion);
    }
  }

  public static String label(String decision) {
    if (decision == null) {
      return "未决定";
    }
    return Decision.of(decision).map(Decision::label).orElse(decision);
  }

  public List<Result> of(String caseCode, String reviewPlan) {
    Set<String> automatic = routing.automaticReviews(reviewPlan).stream().map(ReviewRouting.Review::reviewKey)
        .collect(Collectors.toSet());
    List<ReviewRouting.Review> reviews = routing.reviews(reviewPlan);
    List<ReviewRouting.Review> taskReviews = reviews.stream().filter(ReviewRouting.Review::isTask).toList();
    Map<String, Result> latest = new LinkedHashMap<>();
    for (CaseEvent e : caseRecord.of(caseCode)) {
      if (!CaseEvent.STEP_COMPLETED.equals(e.kind())) {
        continue;
      }
      String key = Elements.DEPARTMENT_REVIEW.equals(e.stepKey()) ? reviewKey(e, taskReviews)
          : automatic.contains(e.stepKey()) ? e.stepKey() : null;
      if (key != null) {
        latest.remove(key);
        String matter = reviews.stream().filter(r -> r.reviewKey().equals(key)).map(ReviewRouting.Review::reviewName)
            .findFirst().orElse(e.stepName());
        latest.put(key, new Result(e.stepName(), matter, e.department(), e.decision(), e.opinion(), e.actor()));
      }
    }
    return List.copyOf(latest.values());
  }

  /**
   * The review key of a department review's record entry: the plan's one task review of that department (a department
   * with two reviews in one case is told apart by the review's name in the step's name).
   */
  private static String reviewKey(CaseEvent e, List<ReviewRouting.Review> taskReviews) {
    List<ReviewRouting.Review> ofDepartment = taskReviews.stream()
        .filter(r -> r.department().equals(e.department())).toList();
    if (ofDepartment.size() == 1) {
      return ofDepartment.get(0).reviewKey();
    }
    return ofDepartment.stream().filter(r -> e.stepName() != null && e.stepName().contains(r.reviewName()))
        .map(ReviewRouting.Review::reviewKey).findFirst().orElse(e.stepName());
  }

  public static boolean anyRejected(List<Result> results) {
    return results.stream().anyMatch(Result::rejected);
  }

  /** The results that refuse their licence. */
  public static List<Result> rejected(List<Result> results) {
    return results.stream().filter(Result::rejected).toList();
  }

  /** Each result as its department's act, numbered, one a line ({@link Result#act}). */
  public static String acts(List<Result> results, java.util.function.Function<String, String> organ) {
    if (results.isEmpty()) {
      return "（本案无需部门审查）";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      sb.append(results.get(i).act(i + 1, organ)).append('\n');
    }
    return sb.toString().strip();
  }

  /** The results as numbered lines. */
  public static String text(List<Result> results) {
    return text(results, Integer.MAX_VALUE);
  }

  /**
   * The results as numbered lines in at most {@code max} characters (the engine keeps a text variable in a
   * {@value #MAX_TEXT}-character column): when they are longer, the longest opinions are cut to the same length, the
   * largest that fits, and marked; the case record keeps them whole.
   */
  public static String text(List<Result> results, int max) {
    String whole = lines(results, Integer.MAX_VALUE);
    if (length(whole) <= max) {
      return whole;
    }
    int low = 0;
    int high = results.stream().mapToInt(r -> r.opinion() == null ? 0 : length(r.opinion())).max().orElse(0);
    while (low < high) {
      int mid = (low + high + 1) / 2;
      if (length(lines(results, mid)) <= max) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return lines(results, low);
  }

  private static String lines(List<Result> results, int opinionCap) {
    if (results.isEmpty()) {
      return "（本案无需部门审查）";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      String opinion = r.opinion();
      if (opinion != null && length(opinion) > opinionCap) {
        opinion = opinion.substring(0, opinion.offsetByCodePoints(0, opinionCap)) + CUT;
      }
      sb.append(new Result(r.name(), r.matter(), r.department(), r.decision(), opinion, r.actor()).line(i + 1))
          .append('\n');
    }
    return sb.toString().strip();
  }

  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
