package cn.parkflow.casefile;

import java.util.Optional;

/**
 * A slice that tells other cases' views the status of its cases, so a case lists its linked cases with their status
 * (a project's view shows its land case) without depending on the slice that owns them.
 */
public interface CaseStatusSource {
  /** The process whose cases this source knows. */
  String processKey();

  /** The case's status as its own view shows it, or empty when there is no such case. */
  Optional<String> statusOf(String caseKey);
}
