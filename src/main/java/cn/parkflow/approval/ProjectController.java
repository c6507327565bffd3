package cn.parkflow.approval;

import cn.parkflow.identity.CaseAccess;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.NotFoundException;
import cn.parkflow.web.CasePages;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's side of {@code project-approval}: apply, follow the case, supply what is missing, withdraw. Who sees
 * which case is {@link CaseAccess}'s rule: an enterprise account its own enterprise's cases (another's answers 404);
 * staff the cases their department may read in the engine (park-admin, supervision and administrators every case).
 * Bodies are read as JSON trees ({@link JsonBody}) so unknown fields and wrong types are reported with every other
 * invalid field.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {
  private static final Set<String> SUPPLEMENT_FIELDS = Set.of("note", "changes");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("reason");
  private static final Set<String> FILING_CORRECTION_FIELDS = Set.of("ground", "reasons");

  private final ApplicationValidator validator;
  private final ProjectService service;
  private final ProjectRepository projects;
  private final ProjectView view;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final CaseAccess caseAccess;

  public ProjectController(ApplicationValidator validator, ProjectService service, ProjectRepository projects,
      ProjectView view, EnterpriseAccounts enterpriseAccounts, Idempotency idempotency, CaseAccess caseAccess) {
    this.validator = validator;
    this.service = service;
    this.projects = projects;
    this.view = view;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.caseAccess = caseAccess;
  }

  @PostMapping
  public ResponseEntity<?> apply(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth)
        .requireEnterprise("只有企业账号可以通过此接口申报项目；园区管委会工作人员可在任务列表（Tasklist）中代为发起");
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/projects " + body, () -> {
      FieldErrors errors = new FieldErrors();
      String nationalCode = validator.nationalProjectCode(body, errors);
      String admissionNumber = validator.admissionNumber(body, caller.creditCode(), errors);
      ProjectApplication application = validator.validate(body, caller.creditCode(), errors);
      errors.throwIfAny();
      String code = service.apply(application, caller.userId(), nationalCode, admissionNumber);
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
    return CasePages.read(caller(auth), limitText, offsetText, caseAccess, ProjectApprovalProcess.KEY, projects)
        .stream().map(view::of).toList();
  }

  @GetMapping("/{code}")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ProjectView.CaseView get(@PathVariable String code, Authentication auth) {
    return view.of(visible(code, caller(auth)));
  }

  @PostMapping("/{code}/supplement")
  public ResponseEntity<?> supplement(@PathVariable String code, @RequestBody JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return asApplicant(code, "supplement", body, auth, idempotencyKey, (project, caller, errors) -> {
      JsonBody.unknownFields(body, SUPPLEMENT_FIELDS, errors);
      String note = JsonBody.text(body, "note", 1, 2000, "补正说明", errors);
      ProjectApplication changed = null;
      JsonNode changes = body.isObject() ? body.get("changes") : null;
      if (changes != null && !changes.isNull()) {
        changed = validator.validateChanges(changes, "changes", project.application(), caller.creditCode(), errors);
      }
      errors.throwIfAny();
      service.supplement(project, note, changed, caller.userId());
    });
  }

  @PostMapping("/{code}/withdrawal")
  public ResponseEntity<?> withdraw(@PathVariable String code, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return asApplicant(code, "withdrawal", body, auth, idempotencyKey, (project, caller, errors) -> {
      JsonBody.unknownFields(body, WITHDRAWAL_FIELDS, errors);
      String reason = JsonBody.text(body, "reason", 2, 500, "撤回理由", errors);
      errors.throwIfAny();
      service.withdraw(project, reason, caller.userId());
    });
  }

  /**
   * Order 673 Art. 15 (备案项目纠正告知): the DRC, as filing office, tells the enterprise that a filed project is
   * prohibited or needs 核准 and notifies the departments concerned. DRC staff only (403 for others).
   */
  @PostMapping("/{code}/filing-correction")
  public ResponseEntity<?> filingCorrection(@PathVariable String code, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    if (!ApiCaller.inGroup(auth, cn.parkflow.identity.Department.DRC)) {
      throw new cn.parkflow.web.ForbiddenException("只有发展和改革局（备案机关）可以作出备案项目纠正告知");
    }
    ApiCaller caller = caller(auth);
    Project project = ProjectCodes.isValid(code) ? projects.find(code).orElse(null) : null;
    if (project == null) {
      throw new NotFoundException("未找到项目 " + code);
    }
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/projects/" + code + "/filing-correction "
        + body, () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, FILING_CORRECTION_FIELDS, errors);
          String groundText = JsonBody.text(body, "ground", 1, 40, "纠正理由类别", errors);
          FilingCorrection.Ground ground = groundText == null ? null : FilingCorrection.Ground.of(groundText)
              .orElse(null);
          if (groundText != null && ground == null) {
            errors.add("ground", "纠正理由类别（ground）只能是 prohibited（产业政策禁止投资建设）或 needs-approval（依法应当核准）");
          }
          String reasons = JsonBody.text(body, "reasons", 2, 2000, "核查情况和理由", errors);
          errors.throwIfAny();
          service.filingCorrection(project, ground, reasons, caller.userId());
          return ResponseEntity.ok(view.of(projects.get(code)));
        });
  }

  /** What the applicant does to its case, once the body is read into {@code errors}. */
  private interface ApplicantAction {
    void run(Project project, ApiCaller caller, FieldErrors errors);
  }

  /**
   * An action of the applying enterprise on its own case, at most once per idempotency key; answers the case as it is
   * afterwards.
   */
  private ResponseEntity<?> asApplicant(String code, String action, JsonNode body, Authentication auth,
      String idempotencyKey, ApplicantAction run) {
    ApiCaller caller = caller(auth).requireEnterprise(ONLY_THE_APPLICANT);
    Project project = visible(code, caller);
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/projects/" + code + "/" + action + " " + body,
        () -> {
          run.run(project, caller, new FieldErrors());
          return ResponseEntity.ok(view.of(projects.get(code)));
        });
  }

  private static final String ONLY_THE_APPLICANT = "只有申报企业可以补正或撤回申请";

  private ApiCaller caller(Authentication auth) {
    return ApiCaller.of(auth, enterpriseAccounts);
  }

  /** A case the caller may read ({@link CaseAccess}); otherwise 404, so another's case is not even confirmed. */
  private Project visible(String code, ApiCaller caller) {
    return CasePages.visible(ProjectCodes.isValid(code) ? projects.find(code) : Optional.empty(), caller, caseAccess,
        p -> p.application().creditCode(), Project::processInstanceId, "未找到项目 " + code);
  }
}
