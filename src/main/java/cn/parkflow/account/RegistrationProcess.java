package cn.parkflow.account;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;

/**
 * Everything the code needs to know about {@code bpmn/enterprise-registration.bpmn}: key, element ids, notices,
 * deadline names and typed variables.
 */
public final class RegistrationProcess {
  public static final String KEY = "enterprise-registration";

  private RegistrationProcess() {}

  /** Element ids of the model ({@code userTask_verifyEnterprise} is part of the contract). */
  public static final class Elements {
    public static final String START = "event_registrationReceived";
    public static final String REGISTER = "serviceTask_registerRegistration";
    public static final String VERIFY = "userTask_verifyEnterprise";
    public static final String OPEN_ACCOUNT = "serviceTask_openAccount";
    public static final String SEND_REJECTION = "serviceTask_sendRejection";
    public static final String END_OPENED = "event_accountOpened";
    public static final String END_REJECTED = "event_registrationRejected";

    private Elements() {}
  }

  /** The case's notices: {@code templates/mail/enterprise-registration/<kind>.mustache}. */
  public static final class Notices {
    /** The login and the initial password, to be changed at the first login (ADR 0013). */
    public static final MailTemplate ACCOUNT_OPENED = new MailTemplate(KEY, "account-opened");
    public static final MailTemplate REJECTED = new MailTemplate(KEY, "rejected");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.enterprise-registration.*}: local promises. */
  public static final class Deadlines {
    public static final String VERIFY = "verify";

    private Deadlines() {}
  }

  /** Process variables, typed; the registration itself is in pf_enterprise_registration. */
  public static final class Variables {
    public static final Variable<String> REGISTRATION_NUMBER = Variable.text("registrationNumber");
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    /** Shown on the verification form. */
    public static final Variable<String> CREDIT_CODE = Variable.text("creditCode");
    public static final Variable<String> CONTACT_PERSON = Variable.text("contactPerson");
    public static final Variable<String> EMAIL = Variable.text("email");
    public static final Variable<String> PHONE = Variable.text("phone");
    public static final Variable<String> LOGIN = Variable.text("login");
    public static final Variable<String> VERIFY_DECISION = Variable.text("verifyDecision");
    public static final Variable<String> VERIFY_OPINION = Variable.text("verifyOpinion");

    private Variables() {}
  }
}
