package cn.parkflow.variable;

import java.util.List;

/**
 * The variables every process sets on its cases, whatever the process: the step record, the reminders, the Tasklist
 * filters and every slice read them from here.
 */
public final class CaseVariables {
  /** The case code (a project code, a parcel code, …) shown as 案件编号. */
  public static final Variable<String> CASE_CODE = Variable.text("caseCode");
  /** What the case is about, shown as 事项. */
  public static final Variable<String> CASE_TITLE = Variable.text("caseTitle");
  public static final Variable<String> ENTERPRISE_NAME = Variable.text("enterpriseName");
  /** The user who started the case (an enterprise account, or the clerk who started it from Tasklist). */
  public static final Variable<String> APPLICANT = Variable.text("applicant");
  /** Task-local: the traffic light of the task's time limit ({@code green}, {@code yellow}, {@code red}). */
  public static final Variable<String> LIGHT = Variable.text("light");
  /**
   * Task-local: {@code true} while the task's clock is paused (行政许可法 Art. 45): its due date, its light and its
   * reminders stand still until it resumes.
   */
  public static final Variable<Boolean> CLOCK_PAUSED = Variable.bool("clockPaused");

  /** The case variables Tasklist shows in its lists, with their Chinese column labels, in order. */
  public static final List<Column> TASKLIST_COLUMNS = List.of(
      new Column(CASE_CODE, "案件编号"), new Column(ENTERPRISE_NAME, "企业名称"), new Column(CASE_TITLE, "事项"));

  public record Column(Variable<String> variable, String label) {}

  private CaseVariables() {}
}
