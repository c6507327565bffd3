package cn.parkflow.account;

import static cn.parkflow.account.RegistrationProcess.Variables.*;

import cn.parkflow.account.RegistrationProcess.Elements;
import cn.parkflow.account.RegistrationProcess.Notices;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.identity.Department;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.time.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@code enterprise-registration} and the only writer of a registration's status
 * ({@link RegistrationStatus} holds the transitions): an enterprise registers, park-admin checks it against the
 * business licence (营业执照), and approval opens the account ({@link EnterpriseAccountService}).
 */
@Service
public class RegistrationService {
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final RegistrationRepository registrations;
  private final EnterpriseAccountService accounts;
  private final CaseRecord caseRecord;
  private final CaseNotices caseNotices;
  private final EngineClock clock;
  private final String contact;

  public RegistrationService(RuntimeService runtimeService, IdentityService identityService,
      RegistrationRepository registrations, EnterpriseAccountService accounts, CaseRecord caseRecord,
      CaseNotices caseNotices, EngineClock clock, @Value("${parkflow.onboarding.contact}") String contact) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.registrations = registrations;
    this.accounts = accounts;
    this.caseRecord = caseRecord;
    this.caseNotices = caseNotices;
    this.clock = clock;
    this.contact = contact;
  }

  /**
   * Stores the checked registration under a new number ({@code ZC-<year>-<n>}, n counting on across years, at least four
   * digits) and starts its verification; the number is returned.
   */
  @Transactional
  public String apply(Registration.Application a, String clientAddress) {
    int year = LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE).getYear();
    String number = String.format("ZC-%d-%04d", year, registrations.nextSequence());
    registrations.insert(number, a, clientAddress);
    Map<String, Object> variables = new LinkedHashMap<>();
    REGISTRATION_NUMBER.put(variables, number);
    CASE_CODE.put(variables, number);
    CASE_TITLE.put(variables, "企业账户注册：" + a.login());
    ENTERPRISE_NAME.put(variables, a.enterpriseName());
    CREDIT_CODE.put(variables, a.creditCode());
    CONTACT_PERSON.put(variables, a.contactPerson());
    EMAIL.put(variables, a.email());
    PHONE.put(variables, a.phone());
    LOGIN.put(variables, a.login());
    runtimeService.createProcessInstanceByKey(RegistrationProcess.KEY).businessKey(number).setVariables(variables)
        .execute();
    return number;
  }

  /** The model's registration step: links the stored registration to its instance; nothing else may start one. */
  @Transactional
  public void register(String number, String processInstanceId) {
    if (number == null || !registrations.exists(number)) {
      throw new NotValidException("企业账户注册须通过 POST /api/enterprise-registrations 提交，未启动案件");
    }
    registrations.linkInstance(number, processInstanceId);
    Registration r = registrations.get(number);
    record(r, processInstanceId, "收到企业账户注册申请，注册编号 " + number + "；申请登录名 " + r.login()
        + "；状态：" + RegistrationStatus.PENDING.label());
  }

  /** What stands against approving this registration now (the login taken since, or the code's account disabled). */
  public List<cn.parkflow.web.FieldError> conflicts(String number) {
    Registration r = registrations.get(number);
    return accounts.conflicts(r.login(), r.creditCode(), number);
  }

  /** 核验通过: the account is opened and its initial password sent to the applicant. */
  @Transactional
  public void approve(String number, String processInstanceId, String opinion) {
    Registration r = registrations.get(number);
    r.status().checkMoveTo(RegistrationStatus.OPENED);
    String actor = actor();
    accounts.open(new Registration.Application(r.enterpriseName(), r.creditCode(), r.contactPerson(), r.email(),
        r.phone(), r.login()), actor, number, about(number, processInstanceId));
    registrations.updateStatus(number, RegistrationStatus.OPENED, opinion, actor);
    record(r, processInstanceId, "核验通过，开通企业账户 " + r.login() + "；状态：" + RegistrationStatus.OPENED.label());
  }

  /** 不予开通: the applicant is told why. */
  @Transactional
  public void reject(String number, String processInstanceId, String opinion) {
    Registration r = registrations.get(number);
    r.status().checkMoveTo(RegistrationStatus.REJECTED);
    registrations.updateStatus(number, RegistrationStatus.REJECTED, opinion, actor());
    record(r, processInstanceId, "核验未通过，不予开通；状态：" + RegistrationStatus.REJECTED.label());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("registrationNumber", number);
    model.put("enterpriseName", r.enterpriseName());
    model.put("contactPerson", r.contactPerson());
    model.put("creditCode", r.creditCode());
    model.put("login", r.login());
    model.put("reasons", opinion == null ? List.of() : opinion.lines().map(String::strip)
        .filter(l -> !l.isEmpty()).toList());
    model.put("contact", contact);
    caseNotices.send(about(number, processInstanceId), Notices.REJECTED, "rejected", List.of(r.email()),
        Department.PARK_ADMIN.groupId(), model);
  }

  private CaseNotices.Case about(String number, String processInstanceId) {
    return new CaseNotices.Case(RegistrationProcess.KEY, number, processInstanceId);
  }

  private String actor() {
    var auth = identityService.getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }

  private void record(Registration r, String processInstanceId, String detail) {
    caseRecord.add(CaseEvent.of(r.number(), RegistrationProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED)
        .step(Elements.VERIFY, "企业账户注册核验", null, Department.PARK_ADMIN.groupId()).detail(detail));
  }
}
