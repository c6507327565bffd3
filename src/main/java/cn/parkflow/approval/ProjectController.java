package cn.parkflow.approval;

import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's side of {@code project-approval}: apply, follow the case, supply what is missing, withdraw.
 * Enterprise accounts see and act on their own enterprise's cases only (another's answers 404); ParkFlow staff may
 * read every case. Bodies are read as JSON trees so that unknown fields and wrong types are reported together with
 * every other invalid field.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {
  static final int LIST_LIMIT = 200;
  private static final Set<String> SEE_EVERY_CASE = Set.of(Department.PARK_ADMIN.groupId(),
      Department.SUPERVISION.groupId(), Department.ADMINISTRATORS.groupId());
  private static final Set<String> SUPPLEMENT_FIELDS = Set.of("note", "changes");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("reason");

  private final ApplicationValidator validator;
  private final ProjectService service;
  private final ProjectRepository projects;
  private final ProjectView view;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final HistoryService historyService;

  public ProjectController(ApplicationValidator validator, ProjectService service, ProjectRepository projects,
      ProjectView view, EnterpriseAccounts enterpriseAccounts, Idempotency idempotency,
      AuthorizationService authorizationService, IdentityService identityService, HistoryService historyService) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.historyService = historyService;
    this.validator = validator;
    this.service = service;
    this.projects = projects;
    this.view = view;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
  }

  @PostMapping
  public ResponseEntity<?> apply(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    String user = auth.getName();
    if (!isEnterprise(auth)) {
      throw new ForbiddenException("只有企业账号可以通过此接口申报项目；园区管委会工作人员可在任务列表（Tasklist）中代为发起");
    }
    String own = ownCreditCode(user);
    return idempotency.execute(user, idempotencyKey, "POST /api/projects " + body, () -> {
      FieldErrors errors = new FieldErrors();
      ProjectApplication application = validator.validate(body, own, errors);
      errors.throwIfAny();
      String code = service.apply(application, user);
      return ResponseEntity.created(URI.create("/api/projects/" + code)).body(view.of(projects.get(code)));
    });
  }

  /**
   * Cases are read in one snapshot, so a case never shows half of a step that committed meanwhile (its notice but
   * not yet its new state).
   */
  @GetMapping
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<ProjectView.CaseView> list(Authentication auth,
      @RequestParam(name = "limit", defaultValue = "50") String limitText,
      @RequestParam(name = "offset", defaultValue = "0") String offsetText) {
    FieldErrors errors = new FieldErrors();
    int limit = page(limitText, "limit", 1, LIST_LIMIT, errors);
    int offset = page(offsetText, "offset", 0, Integer.MAX_VALUE, errors);
    errors.throwIfAny();
    List<Project> cases;
    if (isEnterprise(auth)) {
      cases = projects.ofEnterprise(ownCreditCode(auth.getName()), limit, offset);
    } else if (seesEveryCase(auth)) {
      cases = projects.all(limit, offset);
    } else {
      cases = projects.ofProcessInstances(casesOfDepartment(auth, limit, offset));
    }
    return cases.stream().map(view::of).toList();
  }

  @GetMapping("/{code}")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ProjectView.CaseView get(@PathVariable String code, Authentication auth) {
    return view.of(visible(code, auth));
  }

  @PostMapping("/{code}/supplement")
  public ResponseEntity<?> supplement(@PathVariable String code, @RequestBody JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    Project project = ownCase(code, auth);
    String user = auth.getName();
    return idempotency.execute(user, idempotencyKey, "POST /api/projects/" + code + "/supplement " + body, () -> {
      FieldErrors errors = new FieldErrors();
      unknownFields(body, SUPPLEMENT_FIELDS, errors);
      String note = text(body, "note", 1, 2000, "补正说明", errors);
      ProjectApplication changed = null;
      JsonNode changes = body.isObject() ? body.get("changes") : null;
      if (changes != null && !changes.isNull()) {
        changed = validator.validateChanges(changes, "changes", project.application(),
            isEnterprise(auth) ? ownCreditCode(user) : null, errors);
      }
      errors.throwIfAny();
      service.supplement(project, note, changed, user);
      return ResponseEntity.ok(view.of(projects.get(code)));
    });
  }

  @PostMapping("/{code}/withdrawal")
  public ResponseEntity<?> withdraw(@PathVariable String code, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    Project project = ownCase(code, auth);
    String user = auth.getName();
    return idempotency.execute(user, idempotencyKey, "POST /api/projects/" + code + "/withdrawal " + body, () -> {
      FieldErrors errors = new FieldErrors();
      unknownFields(body, WITHDRAWAL_FIELDS, errors);
      String reason = text(body, "reason", 2, 500, "撤回理由", errors);
      errors.throwIfAny();
      service.withdraw(project, reason, user);
      return ResponseEntity.ok(view.of(projects.get(code)));
    });
  }

  /** A case the caller may read: its own enterprise's, or for staff see {@link #staffMaySee}; otherwise 404. */
  private Project visible(String code, Authentication auth) {
    Project project = ProjectCodes.isValid(code) ? projects.find(code).orElse(null) : null;
    boolean allowed = project != null && (isEnterprise(auth)
        ? project.application().creditCode().equals(ownCreditCode(auth.getName()))
        : staffMaySee(project, auth));
    if (!allowed) {
      throw new NotFoundException("未找到项目 " + code);
    }
    return project;
  }

  /**
   * The same rule as in Cockpit: the intake window, supervisors and administrators read every case; any other
   * department reads the cases in which it has had a task (the engine grants that when the task is created).
   */
  private boolean staffMaySee(Project project, Authentication auth) {
    return seesEveryCase(auth) || (project.processInstanceId() != null && authorizationService.isUserAuthorized(
        auth.getName(), groups(auth), HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE,
        project.processInstanceId()));
  }

  private static boolean seesEveryCase(Authentication auth) {
    return groups(auth).stream().anyMatch(SEE_EVERY_CASE::contains);
  }

  private static List<String> groups(Authentication auth) {
    return auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
  }

  /** A page of the cases the department may read, asked of the engine as the clerk, so its authorizations apply. */
  private List<String> casesOfDepartment(Authentication auth, int limit, int offset) {
    identityService.setAuthentication(auth.getName(), groups(auth));
    try {
      return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProjectApprovalProcess.KEY)
          .orderByProcessInstanceStartTime().desc().listPage(offset, limit).stream()
          .map(HistoricProcessInstance::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static int page(String text, String field, int min, int max, FieldErrors errors) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(field, field + " 须为 " + min + "–" + (max == Integer.MAX_VALUE ? "∞" : max) + " 之间的整数");
    return min;
  }

  /** A case the caller may act on as the applicant: only its own enterprise's. */
  private Project ownCase(String code, Authentication auth) {
    if (!isEnterprise(auth)) {
      throw new ForbiddenException("只有申报企业可以补正或撤回申请");
    }
    return visible(code, auth);
  }

  private static boolean isEnterprise(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> Department.ENTERPRISE.groupId().equals(a.getAuthority()));
  }

  private String ownCreditCode(String user) {
    return enterpriseAccounts.creditCodeOf(user)
        .orElseThrow(() -> new ForbiddenException("当前企业账号未绑定统一社会信用代码，请联系园区管委会"));
  }

  private static void unknownFields(JsonNode body, Set<String> allowed, FieldErrors errors) {
    if (!body.isObject()) {
      errors.add("$", "请求正文必须是 JSON 对象，字段：" + String.join("、", allowed.stream().sorted().toList()));
      return;
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        errors.add(name, "未知字段 " + name + "，可用字段：" + String.join("、", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode body, String field, int min, int max, String label, FieldErrors errors) {
    JsonNode n = body.isObject() ? body.get(field) : null;
    if (n == null || n.isNull()) {
      errors.add(field, label + "（" + field + "）为必填项");
      return null;
    }
    if (!n.isTextual()) {
      errors.add(field, label + "（" + field + "）必须是字符串");
      return null;
    }
    String value = n.asText().strip();
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      errors.add(field, label + "（" + field + "）须为 " + min + "–" + max + " 个字符");
      return null;
    }
    return value;
  }

}
