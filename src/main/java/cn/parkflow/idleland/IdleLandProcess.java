package cn.parkflow.idleland;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;

/**
 * Everything the code needs to know about {@code bpmn/idle-land-recovery.bpmn} and {@code stopped-plant-routes.dmn}:
 * key, element ids, messages, notices, deadline names and typed variables.
 */
public final class IdleLandProcess {
  public static final String KEY = "idle-land-recovery";
  public static final String ROUTES_DECISION = "stopped-plant-routes";

  private IdleLandProcess() {}

  /** The two branches: idle land under Order 53, and stopped plants (停产) revived by the park's routes. */
  public static final class Branches {
    public static final String IDLE = "idle";
    public static final String STOPPED_PLANT = "stopped-plant";

    private Branches() {}
  }

  /** Element ids of the model (the user-task ids are part of the contract). */
  public static final class Elements {
    public static final String START = "start_caseOpened";
    public static final String REGISTER = "serviceTask_registerCase";
    public static final String OPEN_INVESTIGATION = "userTask_openInvestigation";
    public static final String STATEMENT_RECEIVED = "event_statementReceived";
    public static final String STATEMENT_DEADLINE = "timer_statementDeadline";
    public static final String DETERMINE_CAUSE = "userTask_determineCause";
    public static final String ISSUE_DETERMINATION = "userTask_issueDetermination";
    public static final String AGREE_DISPOSAL_PLAN = "userTask_agreeDisposalPlan";
    public static final String APPROVE_DISPOSAL_PLAN = "userTask_approveDisposalPlan";
    public static final String DRAFT_DECISION = "userTask_draftDecision";
    public static final String HEARING_REQUESTED = "event_hearingRequested";
    public static final String HEARING_REQUEST_DEADLINE = "timer_hearingRequestDeadline";
    public static final String HOLD_HEARING = "userTask_holdHearing";
    public static final String LEGAL_REVIEW = "userTask_legalReview";
    public static final String APPROVE_DECISION = "userTask_approveDecision";
    public static final String CONFIRM_COMPLIANCE = "userTask_confirmCompliance";
    public static final String APPEAL_PERIODS_END = "timer_appealPeriodsEnd";
    public static final String APPLY_FOR_ENFORCEMENT = "userTask_applyForEnforcement";
    public static final String DECIDE_REUSE = "userTask_decideReuse";

    public static final String ASSESS_STOPPED_PLANT = "userTask_assessStoppedPlant";
    public static final String SUGGEST_ROUTE = "businessRuleTask_suggestRoute";
    public static final String CHOOSE_ROUTE = "userTask_chooseRoute";
    public static final String VALUE_PLANT = "userTask_valuePlant";
    public static final String APPROVE_ACQUISITION = "userTask_approveAcquisition";
    public static final String REGISTER_TRANSFER = "userTask_registerTransfer";
    public static final String AGREE_LEASE_BACK = "userTask_agreeLeaseBack";
    public static final String FIND_PRODUCER = "userTask_findProducer";
    public static final String SIGN_LEASE = "userTask_signLease";
    public static final String AGREE_PAID_RECOVERY = "userTask_agreePaidRecovery";
    public static final String APPROVE_PAID_RECOVERY = "userTask_approvePaidRecovery";
    public static final String RECORD_COURT_STEP = "userTask_recordCourtStep";
    public static final String RECORD_REVIVAL = "userTask_recordRevival";

    private Elements() {}
  }

  /** Message names correlated by the holder's API calls. */
  public static final class Messages {
    public static final String STATEMENT = "idle-land-statement";
    public static final String HEARING_REQUEST = "idle-land-hearing-request";

    private Messages() {}
  }

  /** The case's notices and documents: {@code templates/mail/idle-land-recovery/<kind>.mustache}. */
  public static final class Notices {
    /** 闲置土地调查通知书 (Order 53 Art. 5). */
    public static final MailTemplate INVESTIGATION = new MailTemplate(KEY, "investigation");
    /** 闲置土地认定书 (Order 53 Art. 9-10). */
    public static final MailTemplate DETERMINATION = new MailTemplate(KEY, "determination");
    /** 听证告知书: the right to a hearing before a fee or recovery decision (Art. 15, unverified). */
    public static final MailTemplate HEARING_RIGHT = new MailTemplate(KEY, "hearing-right");
    /** 听证通知书: when and where the hearing is held. */
    public static final MailTemplate HEARING_NOTICE = new MailTemplate(KEY, "hearing-notice");
    /** 征缴土地闲置费决定书 (Art. 14(1)). */
    public static final MailTemplate FEE_DECISION = new MailTemplate(KEY, "fee-decision");
    /** 收回国有建设用地使用权决定书 (Art. 14(2)); the mortgagee is copied. */
    public static final MailTemplate RECOVERY_DECISION = new MailTemplate(KEY, "recovery-decision");
    /** 闲置土地处置方案 approved: the supplementary agreement (Art. 12-13). */
    public static final MailTemplate PLAN_APPROVED = new MailTemplate(KEY, "plan-approved");
    /** A step of a stopped plant's revival, to the county leader who follows the firm. */
    public static final MailTemplate LEADER_STEP = new MailTemplate(KEY, "leader-step");
    /** 已盘活: the new holder (or the state) and the freed area. */
    public static final MailTemplate REVIVED = new MailTemplate(KEY, "revived");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.idle-land-recovery.*}. */
  public static final class Deadlines {
    public static final String STATEMENT = "statement";
    public static final String HEARING_REQUEST = "hearing-request";
    public static final String HEARING_NOTICE = "hearing-notice";
    public static final String HEARING_WITHIN = "hearing-within";
    public static final String COMPLIANCE = "compliance";
    public static final String REVIEW_PERIOD = "review-period";
    public static final String LAWSUIT_PERIOD = "lawsuit-period";

    private Deadlines() {}
  }

  /** Process variables, typed: ids and the gateways' values; business data is in pf_idle_land_case. */
  public static final class Variables {
    public static final Variable<String> PARCEL_CODE = Variable.text("parcelCode");
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> APPLICANT = CaseVariables.APPLICANT;
    public static final Variable<String> BRANCH = Variable.text("branch");
    public static final Variable<java.util.Date> DISCOVERED_ON = Variable.date("discoveredOn");

    public static final Variable<java.util.Date> STATEMENT_DUE = Variable.date("statementDue");
    public static final Variable<java.util.Date> HEARING_REQUEST_DUE = Variable.date("hearingRequestDue");
    public static final Variable<java.util.Date> APPEAL_PERIODS_END = Variable.date("appealPeriodsEnd");

    /** The values the model's gateways read: each decision task's {@code decision}, mapped out under its name. */
    public static final Variable<String> CAUSE = Variable.text("cause");
    public static final Variable<String> MEASURE = Variable.text("measure");
    public static final Variable<String> PLAN_DECISION = Variable.text("planDecision");
    public static final Variable<String> DISPOSAL = Variable.text("disposal");
    public static final Variable<String> HEARING_OUTCOME = Variable.text("hearingOutcome");
    public static final Variable<String> REVIEW_DECISION = Variable.text("reviewDecision");
    public static final Variable<String> APPROVAL_DECISION = Variable.text("approvalDecision");
    public static final Variable<String> COMPLIANCE = Variable.text("compliance");
    public static final Variable<String> ENFORCEMENT = Variable.text("enforcement");
    public static final Variable<String> REUSE = Variable.text("reuse");
    public static final Variable<String> ROUTE = Variable.text("route");
    public static final Variable<String> ACQUISITION_DECISION = Variable.text("acquisitionDecision");
    public static final Variable<String> PAID_RECOVERY_DECISION = Variable.text("paidRecoveryDecision");
    public static final Variable<String> COURT_DECISION = Variable.text("courtDecision");
    /** The group that confirms compliance: finance for a fee, natural-resources for a recovery. */
    public static final Variable<String> COMPLIANCE_GROUP = Variable.text("complianceGroup");
    /** The route {@code stopped-plant-routes} suggests, and why (shown on the route task's form). */
    public static final Variable<String> SUGGESTED_ROUTE = Variable.text("suggestedRoute");
    public static final Variable<String> ROUTE_REASON = Variable.text("routeReason");

    /** Inputs of {@code stopped-plant-routes}. */
    public static final Variable<Boolean> INSOLVENT = Variable.bool("insolvent");
    public static final Variable<Boolean> COURT_SEIZED = Variable.bool("courtSeized");
    public static final Variable<String> HOLDER_PLAN = Variable.text("holderPlan");
    public static final Variable<Double> INVESTED_SHARE = Variable.number("investedShare");

    private Variables() {}
  }
}
