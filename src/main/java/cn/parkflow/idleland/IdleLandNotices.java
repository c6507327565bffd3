package cn.parkflow.idleland;

import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.identity.Organs;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.DocumentNumbers;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case's documents and notices: each document names its issuing organ ({@link Organs}), its number
 * ({@link DocumentNumbers}, {@code parkflow.documents.<kind>.pattern}) and its date, is kept in
 * {@code pf_idle_land_document} and is sent through {@link CaseNotices}; the fee and recovery decisions also name the
 * bodies of appeal ({@code parkflow.legal.*}).
 */
@Component
public class IdleLandNotices {
  /** Default patterns of the document numbers, by kind. */
  static final Map<String, String> DEFAULT_PATTERNS = Map.of(
      "investigation", "{county}自然资闲调〔{year}〕{seq}号",
      "determination", "{county}自然资闲认〔{year}〕{seq}号",
      "hearing-right", "{county}自然资听告〔{year}〕{seq}号",
      "hearing-notice", "{county}自然资听通〔{year}〕{seq}号",
      "fee-decision", "{county}自然资闲征〔{year}〕{seq}号",
      "recovery-decision", "{county}自然资收〔{year}〕{seq}号",
      "plan-approved", "{county}府闲处〔{year}〕{seq}号");
  static final Map<String, String> TITLES = Map.of(
      "investigation", "闲置土地调查通知书",
      "determination", "闲置土地认定书",
      "hearing-right", "听证告知书",
      "hearing-notice", "听证通知书",
      "fee-decision", "征缴土地闲置费决定书",
      "recovery-decision", "收回国有建设用地使用权决定书",
      "plan-approved", "闲置土地处置方案批复");

  private final CaseNotices caseNotices;
  private final TaskNotices taskNotices;
  private final IdleLandRepository cases;
  private final DocumentNumbers numbers;
  private final Organs organs;
  private final EnterpriseAccounts enterpriseAccounts;
  private final IdentityService identityService;
  private final EngineClock clock;
  private final String reviewBody;
  private final String court;

  public IdleLandNotices(CaseNotices caseNotices, TaskNotices taskNotices, IdleLandRepository cases,
      DocumentNumbers numbers, Organs organs, EnterpriseAccounts enterpriseAccounts, IdentityService identityService,
      EngineClock clock, @Value("${parkflow.legal.review-body:}") String reviewBody,
      @Value("${parkflow.legal.court:}") String court) {
    this.caseNotices = caseNotices;
    this.taskNotices = taskNotices;
    this.cases = cases;
    this.numbers = numbers;
    this.organs = organs;
    this.enterpriseAccounts = enterpriseAccounts;
    this.identityService = identityService;
    this.clock = clock;
    this.reviewBody = reviewBody.isBlank() ? organs.countyName() + "人民政府" : reviewBody;
    this.court = court.isBlank() ? organs.countyName() + "人民法院" : court;
  }

  public static String title(String kind) {
    return TITLES.get(kind);
  }

  /**
   * Issues document {@code template} of the case by {@code issuerGroup}'s organ: numbered, dated, recorded and sent to
   * the holder (and {@code copies}).
   */
  public IdleLandRepository.Document issue(IdleLandCase c, MailTemplate template, String issuerGroup,
      Map<String, ?> extra, Collection<String> copies, String occurrence) {
    Instant now = clock.now();
    String kind = template.kind();
    IdleLandRepository.Document d = new IdleLandRepository.Document(kind, TITLES.get(kind), organs.name(issuerGroup),
        numbers.next("idle-land-" + kind, pattern(kind), now), now);
    cases.insertDocument(c.id(), d);
    Map<String, Object> model = model(c);
    model.put("organ", d.organ());
    model.put("documentNumber", d.number());
    model.put("documentDate", Beijing.DATE.format(now));
    model.put("reviewBody", reviewBody);
    model.put("court", court);
    model.putAll(extra);
    Set<String> to = new LinkedHashSet<>(holderEmails(c));
    to.addAll(copies);
    caseNotices.send(about(c), template, occurrence, List.copyOf(to), Department.ENTERPRISE.groupId(), model);
    return d;
  }

  /**
   * Records a document served outside ParkFlow on {@code servedAt} (the hearing notice the clerk handed over): it is
   * numbered and kept with the case's documents, and no mail goes out.
   */
  public IdleLandRepository.Document recordServed(IdleLandCase c, MailTemplate template, String issuerGroup,
      Instant servedAt) {
    String kind = template.kind();
    IdleLandRepository.Document d = new IdleLandRepository.Document(kind, TITLES.get(kind), organs.name(issuerGroup),
        numbers.next("idle-land-" + kind, pattern(kind), clock.now()), servedAt);
    cases.insertDocument(c.id(), d);
    return d;
  }

  private String pattern(String kind) {
    return DEFAULT_PATTERNS.get(kind).replace("{county}", organs.countyName().replace("县", ""));
  }

  /** A notice to one user (the county leader who follows the firm), when the user has an e-mail address. */
  public void toUser(IdleLandCase c, String userId, MailTemplate template, Map<String, ?> extra, String occurrence) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getEmail() == null) {
      return;
    }
    Map<String, Object> model = model(c);
    model.putAll(extra);
    caseNotices.send(about(c), template, occurrence + ":" + userId, List.of(user.getEmail()),
        Department.COUNTY_GOVERNMENT.groupId(), model);
  }

  /** A notice without a document number to the holder (and {@code copies}). */
  public void toHolder(IdleLandCase c, MailTemplate template, Map<String, ?> extra, Collection<String> copies,
      String occurrence) {
    Map<String, Object> model = model(c);
    model.putAll(extra);
    Set<String> to = new LinkedHashSet<>(holderEmails(c));
    to.addAll(copies);
    caseNotices.send(about(c), template, occurrence, List.copyOf(to), Department.ENTERPRISE.groupId(), model);
  }

  private static CaseNotices.Case about(IdleLandCase c) {
    return new CaseNotices.Case(IdleLandProcess.KEY, c.parcelCode(), c.processInstanceId());
  }

  /** The holder's enterprise accounts' addresses and the contact address of the facts, if any. */
  List<String> holderEmails(IdleLandCase c) {
    List<String> emails = new ArrayList<>();
    for (User u : identityService.createUserQuery().memberOfGroup(Department.ENTERPRISE.groupId()).list()) {
      if (u.getEmail() != null && enterpriseAccounts.creditCodeOf(u.getId()).filter(c.holderCreditCode()::equals)
          .isPresent()) {
        emails.add(u.getEmail());
      }
    }
    String contact = IdleLandValidator.text(c.facts(), "contactEmail");
    if (contact != null) {
      emails.add(contact);
    }
    return emails;
  }

  public List<String> groupEmails(String groupId) {
    return taskNotices.groupEmails(groupId);
  }

  private Map<String, Object> model(IdleLandCase c) {
    Map<String, Object> m = new HashMap<>();
    m.put("parcelCode", c.parcelCode());
    m.put("holderName", c.holderName() == null ? c.holderCreditCode() : c.holderName());
    m.put("holderCreditCode", c.holderCreditCode());
    String location = IdleLandValidator.text(c.facts(), "location");
    m.put("location", location == null ? "" : location);
    m.put("areaMu", c.facts().hasNonNull("areaMu") ? c.facts().get("areaMu").decimalValue().toPlainString() : "");
    return m;
  }
}
