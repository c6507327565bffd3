package cn.parkflow.approval;

import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.Organs;
import cn.parkflow.mail.DocumentNumbers;
import cn.parkflow.time.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.MailTemplate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The case's notices ({@link ProjectApprovalProcess.Notices}), to the applicant or a department, sent the one way
 * every process sends them ({@link CaseNotices}); here only the project's facts every notice may use.
 */
@Component
public class ProjectNotices {
  /**
   * Model key of the group whose organ issues a notice (default 园区管委会, the one window): the organ's legal name,
   * the document number and the date head and sign every notice.
   */
  public static final String ISSUER = "issuer";
  /**
   * Model key of the licence or filing a notice decides (its name, e.g. 企业投资项目核准): the document is entered in
   * the case's register under it, so the approval notice can cite it by organ, number and date.
   */
  public static final String MATTER = "matter";
  /** Default patterns of the document numbers, by notice kind ({@code parkflow.documents.<kind>.pattern}). */
  static final Map<String, String> DEFAULT_PATTERNS = Map.ofEntries(
      Map.entry("accepted", "园审受〔{year}〕{seq}号"),
      Map.entry("not-accepted", "园审不受〔{year}〕{seq}号"),
      Map.entry("deemed-accepted", "园审督受〔{year}〕{seq}号"),
      Map.entry("supplement-request", "园审补〔{year}〕{seq}号"),
      Map.entry("supplement-overdue", "园审逾〔{year}〕{seq}号"),
      Map.entry("filing", "园审备〔{year}〕{seq}号"),
      Map.entry("filing-correction", "园审备纠〔{year}〕{seq}号"),
      Map.entry("filing-correction-department", "园审备纠告〔{year}〕{seq}号"),
      Map.entry("review-result", "园审结〔{year}〕{seq}号"),
      Map.entry("joint-limit", "园审督限〔{year}〕{seq}号"),
      Map.entry("extension", "园审延〔{year}〕{seq}号"),
      Map.entry("review-extension", "园审部延〔{year}〕{seq}号"),
      Map.entry("approved", "园审批〔{year}〕{seq}号"),
      Map.entry("rejected", "园审不批〔{year}〕{seq}号"),
      Map.entry("withdrawn", "园审撤〔{year}〕{seq}号"),
      Map.entry("withdrawn-department", "园审撤告〔{year}〕{seq}号"),
      Map.entry("clock-paused", "园审停〔{year}〕{seq}号"),
      Map.entry("clock-resumed", "园审续〔{year}〕{seq}号"),
      Map.entry("pause-overdue", "园审督停〔{year}〕{seq}号"));
  static final String FALLBACK_PATTERN = "园审〔{year}〕{seq}号";
  /**
   * Model key of the document number: drawn when the notice is written, or given by the caller who drew it first to
   * record it (a filing's number, {@link #documentNumber}).
   */
  public static final String DOCUMENT_NUMBER = "documentNumber";

  private final CaseNotices caseNotices;
  private final TaskNotices taskNotices;
  private final Organs organs;
  private final DocumentNumbers numbers;
  private final EngineClock clock;
  private final String reviewBody;
  private final String court;

  public ProjectNotices(CaseNotices caseNotices, TaskNotices taskNotices, Organs organs, DocumentNumbers numbers,
      EngineClock clock, @Value("${parkflow.legal.review-body:}") String reviewBody,
      @Value("${parkflow.legal.court:}") String court) {
    this.caseNotices = caseNotices;
    this.taskNotices = taskNotices;
    this.organs = organs;
    this.numbers = numbers;
    this.clock = clock;
    this.reviewBody = reviewBody.isBlank() ? organs.countyName() + "人民政府" : reviewBody;
    this.court = court.isBlank() ? organs.countyName() + "人民法院" : court;
  }

  /** The next document number of {@code template}'s kind ({@code parkflow.documents.<kind>.pattern}). */
  public String documentNumber(MailTemplate template) {
    return numbers.next(template.kind(), DEFAULT_PATTERNS.getOrDefault(template.kind(), FALLBACK_PATTERN), clock.now());
  }

  /** The documents issued on the case, oldest first. */
  public List<DocumentNumbers.Issued> issued(String projectCode) {
    return numbers.issued(projectCode);
  }

  /** A date as the documents write it: {@code 2026年9月20日} (Beijing time). */
  public static String date(Instant instant) {
    return instant == null ? "" : cn.parkflow.time.Beijing.DATE.format(instant);
  }

  /** The legal name of group {@code groupId}'s organ ({@link Organs}). */
  public String organ(String groupId) {
    return organs.name(groupId);
  }

  /** A date as the notices write it: {@code 2026年9月20日 17:30} (Beijing time). */
  public static String format(Instant instant) {
    return instant == null ? "" : TaskNotices.format(instant);
  }

  /** Every line of a multi-line text that is not blank, trimmed (the one-time notice's items). */
  public static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(StringUtils::hasText).toList();
  }

  /** Sends a notice to the applicant's contact e-mail (see {@link CaseNotices#send} for {@code occurrence}). */
  public void toApplicant(Project project, MailTemplate template, Map<String, ?> extra, String occurrence) {
    send(project, template, extra, occurrence, List.of(project.application().contactEmail()),
        Department.ENTERPRISE.groupId());
  }

  /** Sends a notice to every member of group {@code groupId} that has an e-mail address. */
  public void toGroup(Project project, String groupId, MailTemplate template, Map<String, ?> extra,
      String occurrence) {
    send(project, template, extra, occurrence + ":" + groupId, taskNotices.groupEmails(groupId), groupId);
  }

  private void send(Project project, MailTemplate template, Map<String, ?> extra, String occurrence,
      Collection<String> recipients, String department) {
    Map<String, Object> model = documentModel(project, template, extra);
    model.put("departmentName", Department.nameOf(department));
    model.putAll(extra);
    numbers.register(project.projectCode(), new DocumentNumbers.Issued(template.kind(),
        extra.get(MATTER) instanceof String m ? m : null, (String) model.get("organ"),
        (String) model.get("documentNumber"), clock.now()));
    caseNotices.send(new CaseNotices.Case(ProjectApprovalProcess.KEY, project.projectCode(),
        project.processInstanceId()), template, occurrence, recipients, department, model);
  }

  /**
   * The case's facts and what makes the notice a document: the issuing organ's legal name ({@code organ}), its
   * document number ({@code documentNumber}, the next of its kind) and date ({@code documentDate}), and for an adverse
   * decision the bodies of appeal ({@code reviewBody}, {@code court}).
   */
  Map<String, Object> documentModel(Project project, MailTemplate template, Map<String, ?> extra) {
    Map<String, Object> model = model(project);
    Object issuer = extra.get(ISSUER);
    model.put("organ", organs.name(issuer instanceof String g ? g : Department.PARK_ADMIN.groupId()));
    java.time.Instant now = clock.now();
    Object drawn = extra.get(DOCUMENT_NUMBER);
    model.put(DOCUMENT_NUMBER, drawn instanceof String n ? n : documentNumber(template));
    model.put("documentDate", cn.parkflow.time.Beijing.DATE.format(now));
    model.put("reviewBody", reviewBody);
    model.put("court", court);
    return model;
  }

  /** What every notice may use: the case and its application. */
  static Map<String, Object> model(Project p) {
    ProjectApplication a = p.application();
    Map<String, Object> m = new HashMap<>();
    m.put("projectCode", p.projectCode());
    m.put("projectName", a.projectName());
    m.put("enterpriseName", a.enterpriseName());
    m.put("creditCode", a.creditCode());
    m.put("location", a.location());
    m.put("industryCode", a.industryCode());
    m.put("totalInvestment", a.totalInvestment().toPlainString());
    m.put("fixedAssetInvestment", a.fixedAssetInvestment().toPlainString());
    m.put("landArea", a.landArea().toPlainString());
    m.put("annualEnergyTce", a.annualEnergyTce().toPlainString());
    m.put("hazardousChemicals", a.hazardousChemicals() ? "是" : "否");
    m.put("constructionScaleAndContent", a.constructionScaleAndContent() == null ? "" : a.constructionScaleAndContent());
    m.put("annualElectricityKwh", a.annualElectricityKwh() == null ? "" : a.annualElectricityKwh().toPlainString());
    m.put("createdAt", format(p.createdAt()));
    m.put("acceptedAt", format(p.acceptedAt()));
    m.put("jointReviewDue", format(p.jointReviewDue()));
    return m;
  }
}
