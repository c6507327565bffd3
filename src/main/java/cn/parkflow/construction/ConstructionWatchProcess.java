package cn.parkflow.construction;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;

/**
 * Everything the code needs to know about {@code bpmn/construction-watch.bpmn}: key, element ids, messages, notices,
 * deadline names and typed variables. The business key is the parcel code (宗地代码).
 */
public final class ConstructionWatchProcess {
  public static final String KEY = "construction-watch";
  /** The land-supply process whose title registration starts a watch (its key, for the case link). */
  public static final String LAND_SUPPLY = "land-supply";

  private ConstructionWatchProcess() {}

  /** Element ids of the model ({@code userTask_confirmStart} and {@code userTask_verifyCompletion} are contract). */
  public static final class Elements {
    public static final String START = "event_titleRegistered";
    public static final String OPEN_WATCH = "serviceTask_openWatch";
    public static final String AWAIT_COMPLETION = "receiveTask_awaitCompletion";
    public static final String START_WARNING = "timer_startWarning";
    public static final String SEND_START_WARNING = "serviceTask_sendStartWarning";
    public static final String COMPLETION_WARNING = "timer_completionWarning";
    public static final String SEND_COMPLETION_WARNING = "serviceTask_sendCompletionWarning";
    public static final String VERIFY_COMPLETION = "userTask_verifyCompletion";
    public static final String END_VERIFIED = "event_completionVerified";
    public static final String START_REPORTED = "event_startReported";
    public static final String CONFIRM_START = "userTask_confirmStart";
    public static final String END_START_DECIDED = "event_startDecided";

    private Elements() {}
  }

  /** Message names the service correlates when the holder reports. */
  public static final class Messages {
    public static final String STARTED = "construction-started";
    public static final String COMPLETED = "construction-completed";

    private Messages() {}
  }

  /** The case's notices: {@code templates/mail/construction-watch/<kind>.mustache}. */
  public static final class Notices {
    public static final MailTemplate START_WARNING = new MailTemplate(KEY, "start-warning");
    public static final MailTemplate COMPLETION_WARNING = new MailTemplate(KEY, "completion-warning");
    public static final MailTemplate START_NOT_CONFIRMED = new MailTemplate(KEY, "start-not-confirmed");
    public static final MailTemplate IDLE_WATCH = new MailTemplate(KEY, "idle-watch");
    public static final MailTemplate FOUND_IDLE = new MailTemplate(KEY, "found-idle");
    public static final MailTemplate SHORTFALL = new MailTemplate(KEY, "shortfall");
    public static final MailTemplate VERIFIED = new MailTemplate(KEY, "verified");
    public static final MailTemplate COMPLETION_REFUSED = new MailTemplate(KEY, "completion-refused");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.construction-watch.*}. */
  public static final class Deadlines {
    /** Before the agreed start (local default P30D). */
    public static final String START_WARNING = "start-warning";
    /** Before the agreed completion (local default P30D). */
    public static final String COMPLETION_WARNING = "completion-warning";
    /** 确认开工 (local default). */
    public static final String CONFIRM_START = "confirm-start";
    /** 竣工核验 (local default). */
    public static final String VERIFY_COMPLETION = "verify-completion";

    private Deadlines() {}
  }

  /** Process variables, typed; the watch's data is in pf_construction_watch. */
  public static final class Variables {
    public static final Variable<String> PARCEL_CODE = Variable.text("parcelCode");
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    /** The agreed start and completion (the timers' dates), Beijing midnight. */
    public static final Variable<java.util.Date> AGREED_START = Variable.date("agreedStart");
    public static final Variable<java.util.Date> AGREED_COMPLETION = Variable.date("agreedCompletion");
    /** What the forms show: the contract's indicators, and the report that opened the task. */
    public static final Variable<String> CONTRACT_TARGETS = Variable.text("contractTargets");
    public static final Variable<String> START_REPORT = Variable.text("startReport");
    public static final Variable<String> COMPLETION_REPORT = Variable.text("completionReport");

    /** userTask_confirmStart: the permit and whether work is on site. */
    public static final Variable<Object> PERMIT_NUMBER = Variable.any("permitNumber");
    public static final Variable<Object> WORK_ON_SITE = Variable.any("workOnSite");
    public static final Variable<String> CONFIRM_DECISION = Variable.text("confirmDecision");

    /** userTask_verifyCompletion: the measured indicators (shares in per cent, intensity in 万元/亩). */
    public static final Variable<Object> MEASURED_PLOT_RATIO = Variable.any("measuredPlotRatio");
    public static final Variable<Object> MEASURED_COVERAGE = Variable.any("measuredCoverage");
    public static final Variable<Object> MEASURED_OFFICE_SHARE = Variable.any("measuredOfficeShare");
    public static final Variable<Object> MEASURED_GREEN_SHARE = Variable.any("measuredGreenShare");
    public static final Variable<Object> MEASURED_INTENSITY = Variable.any("measuredIntensity");
    public static final java.util.List<Variable<Object>> MEASURED = java.util.List.of(MEASURED_PLOT_RATIO,
        MEASURED_COVERAGE, MEASURED_OFFICE_SHARE, MEASURED_GREEN_SHARE, MEASURED_INTENSITY);
    public static final Variable<String> VERIFY_DECISION = Variable.text("verifyDecision");

    private Variables() {}
  }
}
