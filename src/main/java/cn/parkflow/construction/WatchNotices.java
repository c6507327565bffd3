package cn.parkflow.construction;

import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.identity.Organs;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.DocumentNumbers;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The watch's notices as documents (issuing organ, document number and date), sent through {@link CaseNotices} to
 * the holder (every enterprise account bound to its credit code) and to staff groups. A notice's occurrence makes it
 * exactly-once: the same warning is never queued twice for the same audience.
 */
@Component
class WatchNotices {
  private static final String PATTERN = "自然资监〔{year}〕{seq}号";

  private final CaseNotices caseNotices;
  private final TaskNotices taskNotices;
  private final Organs organs;
  private final DocumentNumbers numbers;
  private final IdentityService identityService;
  private final EnterpriseAccounts enterpriseAccounts;
  private final EngineClock clock;

  WatchNotices(CaseNotices caseNotices, TaskNotices taskNotices, Organs organs, DocumentNumbers numbers,
      IdentityService identityService, EnterpriseAccounts enterpriseAccounts, EngineClock clock) {
    this.caseNotices = caseNotices;
    this.taskNotices = taskNotices;
    this.organs = organs;
    this.numbers = numbers;
    this.identityService = identityService;
    this.enterpriseAccounts = enterpriseAccounts;
    this.clock = clock;
  }

  /**
   * Sends one document to the holder and/or staff groups, each its own notice ({@code occurrence:<audience>}).
   *
   * @param toHolder whether the holder gets it
   * @param groups the staff groups that get it
   */
  void send(ConstructionWatch watch, MailTemplate template, String occurrence, Map<String, ?> extra, boolean toHolder,
      String... groups) {
    Map<String, Object> model = model(watch.contract());
    model.put("organ", organs.name(Department.NATURAL_RESOURCES.groupId()));
    model.put("documentNumber", numbers.next(ConstructionWatchProcess.KEY + "-" + template.kind(), PATTERN,
        clock.now()));
    model.put("documentDate", Beijing.DATE.format(clock.now()));
    model.putAll(extra);
    CaseNotices.Case about = new CaseNotices.Case(ConstructionWatchProcess.KEY, watch.parcelCode(),
        watch.processInstanceId());
    if (toHolder) {
      caseNotices.send(about, template, occurrence + ":" + Department.ENTERPRISE.groupId(),
          holderEmails(watch.holderCreditCode()), Department.ENTERPRISE.groupId(), model);
    }
    for (String group : groups) {
      caseNotices.send(about, template, occurrence + ":" + group, taskNotices.groupEmails(group), group, model);
    }
  }

  private List<String> holderEmails(String creditCode) {
    return identityService.createUserQuery().memberOfGroup(Department.ENTERPRISE.groupId()).list().stream()
        .filter(u -> enterpriseAccounts.creditCodeOf(u.getId()).filter(creditCode::equals).isPresent())
        .map(User::getEmail).filter(StringUtils::hasText).map(String::trim).distinct().sorted().toList();
  }

  static Map<String, Object> model(ParcelContract c) {
    Map<String, Object> m = new HashMap<>();
    m.put("parcelCode", c.parcelCode());
    m.put("holderName", c.holderName());
    m.put("creditCode", c.holderCreditCode());
    m.put("location", c.location() == null ? "" : c.location());
    m.put("contractNumber", c.contractNumber() == null ? "" : c.contractNumber());
    m.put("titleNumber", c.titleNumber() == null ? "" : c.titleNumber());
    m.put("agreedStart", c.agreedStart() == null ? "" : c.agreedStart().toString());
    m.put("agreedCompletion", c.agreedCompletion() == null ? "" : c.agreedCompletion().toString());
    return m;
  }
}
