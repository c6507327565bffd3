package cn.parkflow.onboarding;

import cn.parkflow.mail.MailTemplate;
import cn.parkflow.variable.CaseVariables;
import cn.parkflow.variable.Variable;

/**
 * Everything the code needs to know about {@code bpmn/enterprise-onboarding.bpmn}, {@code park-admission.dmn} and
 * {@code admission-assessments.dmn}: key, element ids, messages, notices, deadline names and typed variables.
 */
public final class OnboardingProcess {
  public static final String KEY = "enterprise-onboarding";
  public static final String SCREENING_DECISION = "park-admission";
  public static final String ASSESSMENT_DECISION = "admission-assessments";

  private OnboardingProcess() {}

  /** Element ids of the model (the user-task ids and the screening task are part of the contract). */
  public static final class Elements {
    public static final String START = "event_admissionApplied";
    public static final String REGISTER = "serviceTask_registerAdmission";
    public static final String SCREEN = "businessRuleTask_screenAdmission";
    public static final String RECORD_SCREENING = "serviceTask_recordScreening";
    public static final String PRELIMINARY_ASSESSMENT = "userTask_preliminaryAssessment";
    public static final String CHOOSE_ASSESSMENTS = "businessRuleTask_chooseAssessments";
    public static final String ADMISSION_ASSESSMENT = "userTask_admissionAssessment";
    public static final String ADMISSION_DECISION = "userTask_admissionDecision";
    public static final String RECORD_ADMISSION = "serviceTask_recordAdmission";
    public static final String APPROVE_INCENTIVES = "userTask_approveIncentives";
    public static final String OPEN_AGREEMENT = "serviceTask_openAgreement";
    public static final String SIGN_AGREEMENT = "userTask_signAgreement";
    public static final String SEND_AGREEMENT_NOTICE = "serviceTask_sendAgreementNotice";
    public static final String ASSIGN_LIAISON = "userTask_assignLiaison";
    public static final String SEND_REFUSAL_NOTICE = "serviceTask_sendRefusalNotice";
    public static final String SEND_WITHDRAWAL_NOTICE = "serviceTask_sendWithdrawalNotice";
    public static final String END_REFUSED_BY_SCREENING = "event_refusedByScreening";
    public static final String END_REFUSED = "event_refused";
    public static final String END_ADMITTED = "event_admitted";
    public static final String END_WITHDRAWN = "event_withdrawn";

    private Elements() {}
  }

  /** Message names correlated by the API. */
  public static final class Messages {
    public static final String WITHDRAWAL = "admission-withdrawal";

    private Messages() {}
  }

  /** The case's notices: {@code templates/mail/enterprise-onboarding/<kind>.mustache}. */
  public static final class Notices {
    public static final MailTemplate REFUSED = new MailTemplate(KEY, "refused");
    public static final MailTemplate ACCEPTED = new MailTemplate(KEY, "accepted");
    public static final MailTemplate AGREEMENT = new MailTemplate(KEY, "agreement");
    public static final MailTemplate WITHDRAWN = new MailTemplate(KEY, "withdrawn");
    /** The reminder letter to the liaison and the 包扶 leader when a case turns 红. */
    public static final MailTemplate PROGRESS_RED = new MailTemplate(KEY, "progress-red");
    /** The warning before an agreed milestone date, to the enterprise and to the liaison, once each. */
    public static final MailTemplate MILESTONE_DUE = new MailTemplate(KEY, "milestone-due");

    private Notices() {}
  }

  /** Deadline names under {@code parkflow.deadlines.enterprise-onboarding.*}: all local promises. */
  public static final class Deadlines {
    public static final String PRELIMINARY_ASSESSMENT = "preliminary-assessment";
    public static final String ASSESSMENT = "assessment";
    public static final String ADMISSION_DECISION = "admission-decision";
    public static final String INCENTIVES = "incentives";
    public static final String AGREEMENT = "agreement";
    public static final String LIAISON = "liaison";

    private Deadlines() {}
  }

  /** Process variables, typed: ids, the decision tables' inputs and the decisions; business data is in pf_admission. */
  public static final class Variables {
    public static final Variable<String> ADMISSION_NUMBER = Variable.text("admissionNumber");
    public static final Variable<String> CASE_CODE = CaseVariables.CASE_CODE;
    public static final Variable<String> ENTERPRISE_NAME = CaseVariables.ENTERPRISE_NAME;
    public static final Variable<String> CASE_TITLE = CaseVariables.CASE_TITLE;
    public static final Variable<String> APPLICANT = CaseVariables.APPLICANT;

    /** Inputs of the two decision tables (Double: the engine has no decimal type; exact values are in the table). */
    public static final Variable<String> INDUSTRY_CODE = Variable.text("industryCode");
    public static final Variable<String> PRODUCT_DESCRIPTION = Variable.text("productDescription");
    public static final Variable<Double> FIXED_ASSET_INVESTMENT = Variable.number("fixedAssetInvestment");
    public static final Variable<Double> LAND_AREA = Variable.number("landArea");
    public static final Variable<Double> ANNUAL_ENERGY_TCE = Variable.number("annualEnergyTce");
    /** 万元/亩, absent for a rented factory. */
    public static final Variable<Double> INVESTMENT_INTENSITY = Variable.number("investmentIntensity");
    /** 万元/亩/年, absent for a rented factory. */
    public static final Variable<Double> TAX_PER_MU = Variable.number("taxPerMu");
    /** 吨标准煤 per 万元 of output. */
    public static final Variable<Double> ENERGY_PER_OUTPUT = Variable.number("energyPerOutput");
    /** 吨 per 万元 of output. */
    public static final Variable<Double> WATER_PER_OUTPUT = Variable.number("waterPerOutput");
    public static final Variable<Boolean> LEADING_INDUSTRY = Variable.bool("leadingIndustry");
    public static final Variable<Boolean> POLLUTES = Variable.bool("pollutes");
    public static final Variable<Boolean> HAZARDOUS_CHEMICALS = Variable.bool("hazardousChemicals");
    public static final Variable<Boolean> OCCUPATIONAL_HAZARDS = Variable.bool("occupationalHazards");

    /** {@code pass}, {@code review} or {@code refuse}, and the rows' reasons one a line. */
    public static final Variable<String> SCREENING_RESULT = Variable.text("screeningResult");
    public static final Variable<String> SCREENING_REASONS = Variable.text("screeningReasons");
    /** JSON text: the assessments the table chose ({@link AssessmentPlan}). */
    public static final Variable<String> ASSESSMENT_PLAN = Variable.text("assessmentPlan");
    /** Local to one assessment instance. */
    public static final Variable<String> ASSESSMENT_KEY = Variable.text("assessmentKey");
    /** Task-local text on an assessment's form: this task's assessment, and every assessment of the case. */
    public static final Variable<String> ASSESSMENT_TITLE = Variable.text("assessmentTitle");
    public static final Variable<String> ASSESSMENT_TITLES = Variable.text("assessmentTitles");

    public static final Variable<String> PRELIMINARY_DECISION = Variable.text("preliminaryDecision");
    public static final Variable<String> PRELIMINARY_OPINION = Variable.text("preliminaryOpinion");
    public static final Variable<String> SITE_VISIT = Variable.text("siteVisit");
    public static final Variable<String> ADMISSION_DECISION = Variable.text("admissionDecision");
    public static final Variable<String> ADMISSION_OPINION = Variable.text("admissionOpinion");
    /** Task-local text on the admission decision: every assessment's result. */
    public static final Variable<String> ASSESSMENT_OPINIONS = Variable.text("assessmentOpinions");
    public static final Variable<Double> INCENTIVE_AMOUNT = Variable.number("incentiveAmount");
    public static final Variable<String> INCENTIVES = Variable.text("incentives");
    public static final Variable<Boolean> ONE_FACTORY_ONE_POLICY = Variable.bool("oneFactoryOnePolicy");
    public static final Variable<Boolean> INCENTIVES_ESCALATED = Variable.bool("incentivesEscalated");
    public static final Variable<String> INCENTIVES_DECISION = Variable.text("incentivesDecision");
    public static final Variable<String> INCENTIVES_OPINION = Variable.text("incentivesOpinion");

    /** The agreement's fields, as {@code userTask_signAgreement}'s form sends them ({@link AgreementRules}). */
    public static final java.util.List<Variable<Object>> AGREEMENT = java.util.stream.Stream.of("agreementNumber",
        "committedInvestment", "committedIntensity", "committedTaxPerMu", "startDate", "completionDate",
        "productionDate", "fullOutputDate", "safetyLetterSigned", "safetyStandardLevel", "drillFrequency",
        "certifiedOperators", "yearlyReview", "commitmentLetterSigned").map(Variable::any).toList();
    public static final Variable<String> LIAISON = Variable.text("liaison");
    public static final Variable<String> LEADER = Variable.text("leader");

    public static final Variable<String> WITHDRAWAL_REASON = Variable.text("withdrawalReason");

    private Variables() {}
  }
}
