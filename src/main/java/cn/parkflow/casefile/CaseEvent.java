package cn.parkflow.casefile;

import java.time.Instant;

/** One entry of a case's permanent record (see {@link CaseRecord}). */
public record CaseEvent(
    long id,
    String caseCode,
    String processKey,
    String processInstanceId,
    String kind,
    String stepKey,
    String stepName,
    String taskId,
    String department,
    String decision,
    String opinion,
    String missingItems,
    String actor,
    String detail,
    Instant occurredAt) {

  /** Kinds of entries. */
  public static final String STEP_COMPLETED = "step-completed";
  public static final String NOTICE_SENT = "notice-sent";
  public static final String URGED = "urged";
  public static final String STATUS_CHANGED = "status-changed";

  public static CaseEvent of(String caseCode, String processKey, String processInstanceId, String kind) {
    return new CaseEvent(0, caseCode, processKey, processInstanceId, kind, null, null, null, null, null, null, null,
        null, null, null);
  }

  public CaseEvent step(String stepKey, String stepName, String taskId, String department) {
    return new CaseEvent(id, caseCode, processKey, processInstanceId, kind, stepKey, stepName, taskId, department,
        decision, opinion, missingItems, actor, detail, occurredAt);
  }

  public CaseEvent decided(String decision, String opinion, String missingItems) {
    return new CaseEvent(id, caseCode, processKey, processInstanceId, kind, stepKey, stepName, taskId, department,
        decision, opinion, missingItems, actor, detail, occurredAt);
  }

  public CaseEvent by(String actor, Instant at) {
    return new CaseEvent(id, caseCode, processKey, processInstanceId, kind, stepKey, stepName, taskId, department,
        decision, opinion, missingItems, actor, detail, at);
  }

  public CaseEvent detail(String detail) {
    return new CaseEvent(id, caseCode, processKey, processInstanceId, kind, stepKey, stepName, taskId, department,
        decision, opinion, missingItems, actor, detail, occurredAt);
  }
}
