package cn.parkflow.land;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the code needs to know about {@code bpmn/land-supply.bpmn}, {@code industrial-land-indicators.dmn} and
 * {@code industrial-land-minimum-price.dmn}: key, element ids, notices, deadline names and typed variables.
 */
public final class LandSupplyProcess {
  public static final String KEY = "land-supply";
  public static final String INDICATORS_DECISION = "industrial-land-indicators";
  public static final String MINIMUM_PRICE_DECISION = "industrial-land-minimum-price";

  private LandSupplyProcess() {}

  /** Element ids of the model (the user-task ids and timers of issue 10 are part of the contract). */
  public static final class Elements {
    public static final String START = "event_landRequested";
    public static final String REGISTER = "serviceTask_registerLandCase";
    public static final String DESIGNATE_PARCEL = "userTask_designateParcel";
    public static final String PREPARE_REQUISITION = "userTask_prepareRequisition";
    public static final String APPROVE_REQUISITION = "userTask_approveRequisition";
    public static final String RECORD_REQUISITION_APPROVAL = "userTask_recordRequisitionApproval";
    public static final String SUGGEST_PLANNING = "serviceTask_suggestPlanningConditions";
    public static final String SET_PLANNING_CONDITIONS = "userTask_setPlanningConditions";
    public static final String SET_RESERVE_PRICE = "userTask_setReservePrice";
    public static final String APPROVE_SUPPLY_PLAN = "userTask_approveSupplyPlan";
    public static final String ANNOUNCEMENT = "timer_announcement";
    public static final String LISTING = "timer_listing";
    public static final String RECORD_LISTING_RESULT = "userTask_recordListingResult";
    public static final String SIGN_CONTRACT = "userTask_signContract";
    public static final String OPEN_PAYMENT = "serviceTask_openPayment";
    public static final String CONFIRM_PAYMENT = "userTask_confirmPayment";
    public static final String PAYMENT_REMINDER = "timer_paymentReminder";
    public static final String PAYMENT_OVERDUE = "timer_paymentOverdue";
    public static final String RESCISSION_DUE = "timer_rescissionDue";
    public static final String DECIDE_RESCISSION = "userTask_decideRescission";
    public static final String HAND_OVER_LAND = "userTask_handOverLand";
    public static final String REGISTER_TITLE = "userTask_registerTitle";
    public static final String END_NO_QUOTA = "event_noQuota";
    public static final String END_REQUISITION_REFUSED = "event_requisitionRefused";
    public static final String END_UNSOLD = "event_unsold";
    public static final String END_RESCINDED = "event_rescinded";
    public static final String END_TITLE_REGISTERED = "event_titleRegistered";

    private Elements() {}
  }

  /** The case's notices (documents): {@code templates/mail/land-supply/<kind>.mustache}. */
  public static final class Notices {
    /** 价款缴纳提示书, to the land user before each payment is due. */
    public static final MailTemplate PAYMENT_REMINDER = new MailTemplate(KEY, "payment-reminder");
    /** 催缴通知, to the land user when a payment is late, with the penalty so far. */
    public static final MailTemplate PAYMENT_DEMAND = new MailTemplate(KEY, "payment-demand");
    /** 流拍: park-admin is told the parcel did not sell after the last listing. */
    public static final MailTemplate UNSOLD = new MailTemplate(KEY, "unsold");
    /** The winner is not the project's enterprise: park-admin is told. */
    public static final MailTemplate OTHER_WINNER = new MailTemplate(KEY, "other-winner");
    /** 成交确认: the winner is told the result and the contract step. */
    public static final MailTemplate SOLD = new MailTemplate(KEY, "sold");
    /** 解除合同通知, to the land user. */
    public static final MailTemplate RESCINDED = new MailTemplate(KEY, "rescinded");
    /** 交地确认书, to the land user. */
    public static final MailTemplate HANDED_OVER = new MailTemplate(KEY, "handed-over");
    /** 不动产权登记完成, to the land user. */
    public static final MailTemplate TITLE_REGISTERED = new MailTemplate(KEY, "title-registered");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.land-supply.*} (application.yaml says which are statutory). */
  public static final class Deadlines {
    public static final String REQUISITION_PRE_ANNOUNCEMENT = "requisition-pre-announcement";
    public static final String REQUISITION_POSTING = "requisition-posting";
    public static final String EXPROPRIATION_NOTICE = "expropriation-notice";
    public static final String RESULTS_PUBLICATION = "results-publication";
    public static final String DOWN_PAYMENT = "down-payment";
    public static final String BALANCE = "balance";
    public static final String PAYMENT_REMINDER = "payment-reminder";
    public static final String RESCISSION_AFTER = "rescission-after";

    private Deadlines() {}
  }

  /** Process variables, typed: ids and the steps' values; the case's data is in pf_land_case. */
  public static final class Variables {
    /** The row of pf_land_case (its id as text): the case key changes when the parcel is designated. */
    public static final Variable<String> LAND_CASE = Variable.text("landCase");
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    public static final Variable<String> APPLICANT = CaseVariables.APPLICANT;
    public static final Variable<String> PROJECT_CODE = Variable.text("projectCode");

    /** The parcel's fields, as the start form and {@code userTask_designateParcel} send them. */
    public static final List<Variable<Object>> PARCEL = Stream.of("parcelCode", "location", "areaMu", "landGrade",
        "industryCode", "plannedUse").map(Variable::any).toList();
    /** {@code available}, {@code requisition} or {@code unavailable}. */
    public static final Variable<String> QUOTA = Variable.text("quota");
    public static final List<Variable<Object>> REQUISITION = Stream.of("preAnnouncementDate", "postingDate",
        "farmlandBalanceConfirmed").map(Variable::any).toList();
    public static final List<Variable<Object>> REQUISITION_APPROVAL = Stream.of("approvalNumber", "approvalDate")
        .map(Variable::any).toList();
    /** The planning conditions (and, before the step, the table's suggestion). */
    public static final List<Variable<Object>> PLANNING = Stream.of("plotRatio", "buildingCoverage", "officeShare",
        "greenShare", "investmentIntensity").map(Variable::any).toList();
    public static final List<Variable<Object>> RESERVE = Stream.of("reservePrice", "prioritized", "landIntensive")
        .map(Variable::any).toList();
    public static final Variable<String> MINIMUM_PRICE_TEXT = Variable.text("minimumPriceText");
    /** {@code sold}, {@code unsold} or {@code auction}, with the winner and the price (元/m²). */
    public static final List<Variable<Object>> LISTING_RESULT = Stream.of("listingResult", "winnerCreditCode",
        "winnerName", "salePrice").map(Variable::any).toList();
    public static final Variable<String> LISTING_RESULT_VALUE = Variable.text("listingResult");
    /** After an unsold listing: whether the parcel is listed again. */
    public static final Variable<Boolean> RELIST = Variable.bool("relist");
    public static final List<Variable<Object>> CONTRACT = Stream.of("contractNumber", "agreedHandOver", "agreedStart", "agreedCompletion", "committedInvestment", "investmentIntensity",
        "downPayment", "downPaymentDue", "balanceDue").map(Variable::any).toList();
    public static final Variable<Date> PAYMENT_DUE = Variable.date("paymentDue");
    public static final Variable<Date> PAYMENT_REMINDER_AT = Variable.date("paymentReminderAt");
    public static final Variable<Date> PAYMENT_OVERDUE_AT = Variable.date("paymentOverdueAt");
    public static final Variable<Date> RESCISSION_AT = Variable.date("rescissionAt");
    /** The payment open now (its sequence number as text). */
    public static final Variable<String> PAYMENT_SEQ = Variable.text("paymentSeq");
    public static final Variable<String> PAYMENT_TEXT = Variable.text("paymentText");
    public static final List<Variable<Object>> PAYMENT = Stream.of("paidAmount", "paidOn").map(Variable::any)
        .toList();
    public static final Variable<Boolean> ALL_PAID = Variable.bool("allPaid");
    /** On {@code userTask_decideRescission}: the new due date when more time is allowed. */
    public static final Variable<Object> NEW_DUE_DATE = Variable.any("newDueDate");
    public static final Variable<Date> HAND_OVER_DUE = Variable.date("handOverDue");
    public static final Variable<Object> ACTUAL_HAND_OVER = Variable.any("actualHandOver");
    public static final Variable<Object> TITLE_NUMBER = Variable.any("titleNumber");
    public static final Variable<String> DECISION = Variable.text("decision");
    public static final Variable<String> OPINION = Variable.text("opinion");

    private Variables() {}
  }
}
