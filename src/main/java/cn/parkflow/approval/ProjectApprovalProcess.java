package cn.parkflow.approval;

/**
 * Everything the code needs to know about {@code bpmn/project-approval.bpmn} and {@code project-review-routing.dmn}:
 * the process key, the element ids, message and error names and the process variables, so that no id or variable
 * name is written twice in the code (holunda camunda-bpm-data style).
 */
public final class ProjectApprovalProcess {
  public static final String KEY = "project-approval";
  public static final String ROUTING_DECISION = "project-review-routing";

  private ProjectApprovalProcess() {}

  /** Element ids of the model (part of the contract where the issue names them). */
  public static final class Elements {
    public static final String START = "event_applicationReceived";
    public static final String REGISTER_APPLICATION = "serviceTask_registerApplication";
    public static final String INTAKE_REVIEW = "userTask_intakeReview";
    public static final String INTAKE_DEADLINE = "timer_intakeDeadline";
    public static final String SEND_INTAKE_SUPPLEMENT_REQUEST = "serviceTask_sendIntakeSupplementRequest";
    public static final String AWAIT_INTAKE_SUPPLEMENT = "receiveTask_awaitIntakeSupplement";
    public static final String INTAKE_SUPPLEMENT_DEADLINE = "timer_intakeSupplementDeadline";
    public static final String SEND_NOT_ACCEPTED = "serviceTask_sendNotAcceptedNotice";
    public static final String RECORD_DEEMED_ACCEPTANCE = "serviceTask_recordDeemedAcceptance";
    public static final String ACCEPT_APPLICATION = "serviceTask_acceptApplication";
    public static final String ROUTE_REVIEWS = "businessRuleTask_routeReviews";
    public static final String RECORD_FILINGS = "serviceTask_recordFilings";
    public static final String DEPARTMENT_REVIEWS = "subProcess_departmentReviews";
    public static final String DEPARTMENT_REVIEW = "userTask_departmentReview";
    public static final String SEND_REVIEW_SUPPLEMENT_REQUEST = "serviceTask_sendReviewSupplementRequest";
    public static final String AWAIT_REVIEW_SUPPLEMENT = "receiveTask_awaitReviewSupplement";
    public static final String REVIEW_SUPPLEMENT_DEADLINE = "timer_reviewSupplementDeadline";
    public static final String SEND_REVIEW_RESULT = "serviceTask_sendReviewResult";
    public static final String JOINT_REVIEW_LIMIT = "timer_jointReviewLimit";
    public static final String NOTIFY_JOINT_LIMIT = "serviceTask_notifyJointLimit";
    public static final String APPROVE_EXTENSION = "userTask_approveExtension";
    public static final String EXTEND_JOINT_LIMIT = "serviceTask_extendJointLimit";
    public static final String EXTENDED_JOINT_LIMIT = "timer_extendedJointLimit";
    public static final String NOTIFY_EXTENDED_LIMIT_PASSED = "serviceTask_notifyExtendedLimitPassed";
    public static final String RECORD_NO_EXTENSION = "serviceTask_recordNoExtension";
    public static final String JOINT_DECISION = "userTask_jointDecision";
    public static final String SEND_APPROVAL = "serviceTask_sendApprovalNotice";
    public static final String SEND_REJECTION = "serviceTask_sendRejectionNotice";
    public static final String CLOSE_SUPPLEMENT_OVERDUE = "serviceTask_closeSupplementOverdue";
    public static final String RECORD_WITHDRAWAL = "serviceTask_recordWithdrawal";
    public static final String END_APPROVED = "event_approved";
    /** The link point to the land-supply process: approved, and new industrial land must be supplied. */
    public static final String END_APPROVED_LAND_SUPPLY = "event_approvedLandSupplyRequired";
    public static final String END_REJECTED = "event_rejected";
    public static final String END_NOT_ACCEPTED = "event_notAccepted";
    public static final String END_SUPPLEMENT_OVERDUE = "event_closedSupplementOverdue";
    public static final String END_WITHDRAWN = "event_withdrawn";

    private Elements() {}
  }

  /** Message names correlated by the API. */
  public static final class Messages {
    public static final String INTAKE_SUPPLEMENT = "project-intake-supplement";
    public static final String REVIEW_SUPPLEMENT = "project-review-supplement";
    public static final String WITHDRAWAL = "project-withdrawal";

    private Messages() {}
  }

  /** Deadline names under {@code parkflow.deadlines.project-approval.*}; a task-mode review's key is its name. */
  public static final class Deadlines {
    public static final String INTAKE_REVIEW = "intake-review";
    public static final String SUPPLEMENT = "supplement";
    public static final String JOINT_REVIEW = "joint-review";
    public static final String JOINT_REVIEW_EXTENSION = "joint-review-extension";
    public static final String EXTENSION_DECISION = "extension-decision";
    public static final String JOINT_DECISION = "joint-decision";

    private Deadlines() {}
  }

  /** Process variables. Business data lives in {@code pf_project}; these are ids, DMN inputs and decisions. */
  public static final class Variables {
    public static final String PROJECT_CODE = "projectCode";
    /** The case code every process shares (Tasklist filters, reminders, the case record): the project code. */
    public static final String CASE_CODE = "caseCode";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    /** The project name, shown as 事项 in Tasklist. */
    public static final String CASE_TITLE = "caseTitle";
    /** The user who applied (an enterprise account, or the clerk who started the case from Tasklist). */
    public static final String APPLICANT = "applicant";

    public static final String CREDIT_CODE = "creditCode";
    public static final String PROJECT_NAME = "projectName";
    public static final String INDUSTRY_CODE = "industryCode";
    public static final String LOCATION = "location";
    public static final String TOTAL_INVESTMENT = "totalInvestment";
    public static final String FIXED_ASSET_INVESTMENT = "fixedAssetInvestment";
    public static final String LAND_AREA = "landArea";
    public static final String ANNUAL_ENERGY_TCE = "annualEnergyTce";
    public static final String HAZARDOUS_CHEMICALS = "hazardousChemicals";
    public static final String EXPECTED_ANNUAL_TAX = "expectedAnnualTax";
    public static final String CONTACT_EMAIL = "contactEmail";

    public static final String INTAKE_DECISION = "intakeDecision";
    public static final String INTAKE_OPINION = "intakeOpinion";
    public static final String INTAKE_MISSING_ITEMS = "intakeMissingItems";
    /** JSON text: the rows of the routing decision (see {@link ReviewRouting}). */
    public static final String REVIEW_PLAN = "reviewPlan";
    public static final String JOINT_REVIEW_DUE = "jointReviewDue";

    /** Local to one department-review instance. */
    public static final String REVIEW_KEY = "reviewKey";
    public static final String REVIEW_NAME = "reviewName";
    public static final String REVIEW_DEPARTMENT = "reviewDepartment";
    public static final String REVIEW_DEPARTMENT_NAME = "reviewDepartmentName";
    public static final String REVIEW_CHECKS = "reviewChecks";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_OPINION = "reviewOpinion";
    public static final String REVIEW_MISSING_ITEMS = "reviewMissingItems";

    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_OPINION = "extensionOpinion";
    public static final String JOINT_DECISION = "jointDecision";
    public static final String JOINT_OPINION = "jointOpinion";
    /** Task-local text on the joint decision: every department's result. */
    public static final String DEPARTMENT_OPINIONS = "departmentOpinions";
    public static final String LAND_SUPPLY_REQUIRED = "landSupplyRequired";

    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    /** Comma-separated group ids that had open tasks when the applicant withdrew. */
    public static final String WITHDRAWAL_DEPARTMENTS = "withdrawalDepartments";

    private Variables() {}
  }
}
