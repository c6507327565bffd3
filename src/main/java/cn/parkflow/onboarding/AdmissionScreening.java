package cn.parkflow.onboarding;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * Reads the rows {@code park-admission.dmn} matched (hit policy COLLECT): one {@code refuse} row refuses, otherwise one
 * {@code review} row sends the case to review, otherwise it passes. The reasons are those of the rows that decided,
 * one a line, as the enterprise and the preliminary assessment read them.
 */
@Component("admissionScreening")
public class AdmissionScreening {
  public static final String PASS = "pass";
  public static final String REVIEW = "review";
  public static final String REFUSE = "refuse";
  static final String RESULT = "result";
  static final String REASON = "reason";

  public String result(DmnDecisionResult rows) {
    List<String> results = rows.getResultList().stream().map(r -> (String) r.get(RESULT)).toList();
    return results.contains(REFUSE) ? REFUSE : results.contains(REVIEW) ? REVIEW : PASS;
  }

  public String reasons(DmnDecisionResult rows) {
    String result = result(rows);
    return String.join("\n", rows.getResultList().stream().filter(r -> result.equals(r.get(RESULT)))
        .map(r -> (String) r.get(REASON)).filter(Objects::nonNull).distinct().toList());
  }
}
