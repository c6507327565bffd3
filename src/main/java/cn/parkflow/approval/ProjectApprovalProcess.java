package cn.parkflow.approval;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;

/**
 * Everything the code needs to know about {@code bpmn/project-approval.bpmn} and {@code project-review-routing.dmn}:
 * the process key, the element ids, message and error names and the process variables, so that no id or variable
 * name is written twice in the code (holunda camunda-bpm-data style).
 */
public final class ProjectApprovalProcess {
  public static final String KEY = "project-approval";
  public static final String ROUTING_DECISION = "project-review-routing";

  private ProjectApprovalProcess() {}

  /**
   * Whether a completion concerns task {@code taskKey} of this process, decided as {@code decision}: the guard of every
   * project-approval {@link cn.parkflow.task.DecisionConstraint}.
   */
  public static boolean completes(String processDefinitionId, String taskDefinitionKey, String decision,
      String taskKey, cn.parkflow.task.Decision expected) {
    return processDefinitionId != null && processDefinitionId.startsWith(KEY + ":")
        && taskKey.equals(taskDefinitionKey) && expected.value().equals(decision);
  }

  /** Element ids of the model (part of the contract where the issue names them). */
  public static final class Elements {
    public static final String START = "event_applicationReceived";
    public static final String INTAKE_REVIEW = "userTask_intakeReview";
    public static final String INTAKE_DEADLINE = "timer_intakeDeadline";
    public static final String AWAIT_INTAKE_SUPPLEMENT = "receiveTask_awaitIntakeSupplement";
    public static final String INTAKE_SUPPLEMENT_DEADLINE = "timer_intakeSupplementDeadline";
    public static final String RECORD_DEEMED_ACCEPTANCE = "serviceTask_recordDeemedAcceptance";
    public static final String ACCEPT_APPLICATION = "serviceTask_acceptApplication";
    public static final String ROUTE_REVIEWS = "businessRuleTask_routeReviews";
    /** The parallel multi-instance subprocess of the department reviews, one instance per task review. */
    public static final String DEPARTMENT_REVIEWS = "subProcess_departmentReviews";
    public static final String DEPARTMENT_REVIEW = "userTask_departmentReview";
    public static final String AWAIT_REVIEW_SUPPLEMENT = "receiveTask_awaitReviewSupplement";
    /** A department's leaders decide on its own review's extension ({@code extend} on the department review). */
    public static final String APPROVE_REVIEW_EXTENSION = "userTask_approveReviewExtension";
    public static final String EXTEND_REVIEW = "serviceTask_extendReview";
    public static final String RECORD_NO_REVIEW_EXTENSION = "serviceTask_recordNoReviewExtension";
    public static final String REVIEW_SUPPLEMENT_DEADLINE = "timer_reviewSupplementDeadline";
    /** A supplement overdue after acceptance reopens the department's review (no longer ends the case). */
    public static final String REOPEN_OVERDUE_REVIEW = "serviceTask_reopenOverdueReview";
    /** Only filings: the case ends 已备案 at acceptance. */
    public static final String COMPLETE_FILING = "serviceTask_completeFiling";
    public static final String END_FILED = "event_filed";
    /** {@code joint-review-warning} after acceptance: the county government is asked for the extension. */
    public static final String JOINT_REVIEW_WARNING = "timer_jointReviewWarning";
    /** The joint limit ({@code jointReviewDue}, extended or not) passed with the case still open. */
    public static final String JOINT_REVIEW_LIMIT = "timer_jointReviewLimit";
    /** The joint limit passed while the extension was still undecided: the extension task closes. */
    public static final String EXTENSION_UNDECIDED = "timer_extensionUndecided";
    public static final String APPROVE_EXTENSION = "userTask_approveExtension";
    public static final String EXTEND_JOINT_LIMIT = "serviceTask_extendJointLimit";
    public static final String RECORD_NO_EXTENSION = "serviceTask_recordNoExtension";
    public static final String NOTIFY_JOINT_LIMIT = "serviceTask_notifyJointLimit";
    public static final String JOINT_DECISION = "userTask_jointDecision";
    public static final String SEND_WITHDRAWAL_NOTICES = "serviceTask_sendWithdrawalNotices";
    /** The link point to the land-supply process: approved, and new industrial land must be supplied. */
    public static final String END_APPROVED_LAND_SUPPLY = "event_approvedLandSupplyRequired";
    public static final String END_REJECTED = "event_rejected";
    public static final String END_NOT_ACCEPTED = "event_notAccepted";
    public static final String END_SUPPLEMENT_OVERDUE = "event_closedSupplementOverdue";
    public static final String END_WITHDRAWN = "event_withdrawn";
    /**
     * The timers counted on the joint limit (行政许可法 Art. 42 ¶2): the limit itself, the warning that asks for the
     * extension and the extension task's own end at the limit. They stand still while any review's clock is paused
     * and move by the paused working days when the last pause ends (Art. 45).
     */
    public static final java.util.List<String> JOINT_LIMIT_TIMERS = java.util.List.of(JOINT_REVIEW_LIMIT,
        JOINT_REVIEW_WARNING, EXTENSION_UNDECIDED);

    private Elements() {}
  }

  /** Message names correlated by the API. */
  public static final class Messages {
    public static final String INTAKE_SUPPLEMENT = "project-intake-supplement";
    public static final String REVIEW_SUPPLEMENT = "project-review-supplement";
    public static final String WITHDRAWAL = "project-withdrawal";

    private Messages() {}
  }

  /** The case's notices: {@code templates/mail/project-approval/<kind>.mustache}. */
  public static final class Notices {
    public static final MailTemplate ACCEPTED = new MailTemplate(KEY, "accepted");
    public static final MailTemplate APPROVED = new MailTemplate(KEY, "approved");
    public static final MailTemplate DEEMED_ACCEPTED = new MailTemplate(KEY, "deemed-accepted");
    public static final MailTemplate EXTENSION = new MailTemplate(KEY, "extension");
    public static final MailTemplate FILING = new MailTemplate(KEY, "filing");
    public static final MailTemplate FILING_CORRECTION = new MailTemplate(KEY, "filing-correction");
    public static final MailTemplate FILING_CORRECTION_DEPARTMENT = new MailTemplate(KEY, "filing-correction-department");
    public static final MailTemplate JOINT_LIMIT = new MailTemplate(KEY, "joint-limit");
    public static final MailTemplate NOT_ACCEPTED = new MailTemplate(KEY, "not-accepted");
    public static final MailTemplate REJECTED = new MailTemplate(KEY, "rejected");
    public static final MailTemplate REVIEW_RESULT = new MailTemplate(KEY, "review-result");
    public static final MailTemplate REVIEW_EXTENSION = new MailTemplate(KEY, "review-extension");
    public static final MailTemplate SUPPLEMENT_OVERDUE = new MailTemplate(KEY, "supplement-overdue");
    public static final MailTemplate SUPPLEMENT_REQUEST = new MailTemplate(KEY, "supplement-request");
    public static final MailTemplate WITHDRAWN_DEPARTMENT = new MailTemplate(KEY, "withdrawn-department");
    public static final MailTemplate WITHDRAWN = new MailTemplate(KEY, "withdrawn");
    /** 暂停计时告知书 (行政许可法 Art. 45: the applicant is told in writing how long the pause takes). */
    public static final MailTemplate CLOCK_PAUSED = new MailTemplate(KEY, "clock-paused");
    /** 恢复计时告知书: the paused working days and the review's new limit. */
    public static final MailTemplate CLOCK_RESUMED = new MailTemplate(KEY, "clock-resumed");
    /** To 督查室: a pause runs past its expected end (red). */
    public static final MailTemplate PAUSE_OVERDUE = new MailTemplate(KEY, "pause-overdue");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.project-approval.*}; a task-mode review's key is its name. */
  public static final class Deadlines {
    public static final String INTAKE_REVIEW = "intake-review";
    public static final String SUPPLEMENT = "supplement";
    public static final String JOINT_REVIEW = "joint-review";
    /** When the county government is asked to extend the joint limit (local default 40wd after acceptance). */
    public static final String JOINT_REVIEW_WARNING = "joint-review-warning";
    public static final String JOINT_REVIEW_EXTENSION = "joint-review-extension";
    public static final String EXTENSION_DECISION = "extension-decision";
    public static final String JOINT_DECISION = "joint-decision";
    /** The 核准 review (its key is its limit's name). */
    public static final String DRC_APPROVAL = "drc-approval";
    /** The longest evaluation the 核准 office may commission (Order 673 Art. 9–10: ≤ 30 wd, not counted). */
    public static final String DRC_EVALUATION_MAX = "drc-evaluation-max";

    private Deadlines() {}
  }

  /**
   * Process variables, typed. Business data lives in {@code pf_project}; these are ids, DMN inputs and decisions. Read
   * and write them through these accessors ({@code PROJECT_CODE.get(execution)}), never by name.
   */
  public static final class Variables {
    public static final Variable<String> PROJECT_CODE = Variable.text("projectCode");
    /** The case code every process shares: here, the project code. */
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    /** The project name, shown as 事项 in Tasklist. */
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> APPLICANT = CaseVariables.APPLICANT;

    /** Inputs of {@code project-review-routing.dmn}, named like the application's fields. */
    public static final Variable<String> INDUSTRY_CODE = Variable.text(ProjectApplication.Fields.INDUSTRY_CODE);
    public static final Variable<Double> TOTAL_INVESTMENT = Variable.number(ProjectApplication.Fields.TOTAL_INVESTMENT);
    public static final Variable<Double> LAND_AREA = Variable.number(ProjectApplication.Fields.LAND_AREA);
    public static final Variable<Double> ANNUAL_ENERGY_TCE =
        Variable.number(ProjectApplication.Fields.ANNUAL_ENERGY_TCE);
    /** 万千瓦时 per year. */
    public static final Variable<Double> ANNUAL_ELECTRICITY_KWH =
        Variable.number(ProjectApplication.Fields.ANNUAL_ELECTRICITY_KWH);
    public static final Variable<Boolean> HAZARDOUS_CHEMICALS =
        Variable.bool(ProjectApplication.Fields.HAZARDOUS_CHEMICALS);

    public static final Variable<String> INTAKE_DECISION = Variable.text("intakeDecision");
    public static final Variable<String> INTAKE_OPINION = Variable.text("intakeOpinion");
    public static final Variable<String> INTAKE_MISSING_ITEMS = Variable.text("intakeMissingItems");
    /** Completion fields of the intake review's 不予受理 ({@link IntakeRefusal}); local to the task, as sent. */
    public static final Variable<String> REFUSAL_GROUND = Variable.text("refusalGround");
    public static final Variable<Object> REFUSAL_GROUND_VALUE = Variable.any(REFUSAL_GROUND.name());
    public static final Variable<String> COMPETENT_AUTHORITY = Variable.text("competentAuthority");
    public static final Variable<Object> COMPETENT_AUTHORITY_VALUE = Variable.any(COMPETENT_AUTHORITY.name());
    /** The intake's 不予受理 grounds, kept on the case. */
    public static final Variable<String> INTAKE_REFUSAL_GROUND = Variable.text("intakeRefusalGround");
    public static final Variable<String> INTAKE_COMPETENT_AUTHORITY = Variable.text("intakeCompetentAuthority");
    /** JSON text: the rows of the routing decision (see {@link ReviewRouting}). */
    public static final Variable<String> REVIEW_PLAN = Variable.text("reviewPlan");
    public static final Variable<java.util.Date> JOINT_REVIEW_DUE = Variable.date("jointReviewDue");
    /** Acceptance (for a deemed one, the day the materials arrived): the joint limit and its warning run from it. */
    public static final Variable<java.util.Date> JOINT_REVIEW_START = Variable.date("jointReviewStart");

    /** Local to one department-review instance. */
    public static final Variable<String> REVIEW_KEY = Variable.text("reviewKey");
    public static final Variable<String> REVIEW_NAME = Variable.text("reviewName");
    public static final Variable<String> REVIEW_DEPARTMENT = Variable.text("reviewDepartment");
    public static final Variable<String> REVIEW_DEPARTMENT_NAME = Variable.text("reviewDepartmentName");
    public static final Variable<String> REVIEW_CHECKS = Variable.text("reviewChecks");
    public static final Variable<String> REVIEW_DECISION = Variable.text("reviewDecision");
    public static final Variable<String> REVIEW_OPINION = Variable.text("reviewOpinion");
    public static final Variable<String> REVIEW_MISSING_ITEMS = Variable.text("reviewMissingItems");
    /** The review's due date (local to the review instance): moved by its extension, fresh after a supplement. */
    public static final Variable<java.util.Date> REVIEW_DUE = Variable.date("reviewDue");
    /** The review was extended once already (Order 673 Art. 10; 行政许可法 Art. 42 ¶1): no second extension. */
    public static final Variable<Boolean> REVIEW_EXTENDED = Variable.bool("reviewExtended");
    /** The candidate group of the review's extension: the department's leaders ({@code <group>-leaders}). */
    public static final Variable<String> REVIEW_LEADERS = Variable.text("reviewLeaders");
    /** The extended due date, computed by the model ({@code <reviewKey>-extension} from {@code reviewDue}). */
    public static final Variable<java.util.Date> EXTENDED_REVIEW_DUE = Variable.date("extendedReviewDue");
    public static final Variable<String> REVIEW_EXTENSION_DECISION = Variable.text("reviewExtensionDecision");
    public static final Variable<String> REVIEW_EXTENSION_OPINION = Variable.text("reviewExtensionOpinion");
    /** The applicant let this review's supplement period pass: the department decides on what it has. */
    public static final Variable<Boolean> REVIEW_SUPPLEMENT_OVERDUE = Variable.bool("reviewSupplementOverdue");

    public static final Variable<String> EXTENSION_DECISION = Variable.text("extensionDecision");
    public static final Variable<String> EXTENSION_OPINION = Variable.text("extensionOpinion");
    public static final Variable<String> JOINT_DECISION = Variable.text("jointDecision");
    public static final Variable<String> JOINT_OPINION = Variable.text("jointOpinion");
    /** Task-local text on the joint decision: every department's result. */
    public static final Variable<String> DEPARTMENT_OPINIONS = Variable.text("departmentOpinions");
    public static final Variable<Boolean> LAND_SUPPLY_REQUIRED = Variable.bool("landSupplyRequired");

    public static final Variable<String> WITHDRAWAL_REASON = Variable.text("withdrawalReason");
    /** Comma-separated group ids that had open tasks when the applicant withdrew. */
    public static final Variable<String> WITHDRAWAL_DEPARTMENTS = Variable.text("withdrawalDepartments");

    private Variables() {}
  }
}
