package cn.parkflow.approval;

import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's clock pause of its own review (行政许可法 Art. 45): {@code POST /api/reviews/{taskId}/pause} and
 * {@code .../resume}, by a clerk of the department that works the review. Another department's task, or one that is
 * no open department review, answers 404; pausing a paused review or resuming a running one 409.
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewPauseController {
  /** The longest pause a department may announce in one go (about a year of working days). */
  static final int MAX_EXPECTED_WORKING_DAYS = 250;
  private static final Set<String> PAUSE_FIELDS = Set.of("reason", "kind", "expectedWorkingDays");
  private static final Set<String> RESUME_FIELDS = Set.of("note");

  private final ReviewPauseService service;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final EngineClock clock;

  public ReviewPauseController(ReviewPauseService service, EnterpriseAccounts enterpriseAccounts,
      Idempotency idempotency, EngineClock clock) {
    this.service = service;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  @PostMapping("/{taskId}/pause")
  public ResponseEntity<?> pause(@PathVariable String taskId, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = ApiCaller.of(auth, enterpriseAccounts);
    ReviewPauseService.Review review = service.review(taskId, caller.groups());
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/reviews/" + taskId + "/pause " + body,
        () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, PAUSE_FIELDS, errors);
          String reason = JsonBody.text(body, "reason", 2, 2000, "暂停计时的理由", errors);
          PauseKind kind = kind(body, errors);
          Integer days = expectedWorkingDays(body, errors);
          if (kind == PauseKind.EXPERT_EVALUATION && days != null && review.maxEvaluationDays() != null
              && days > review.maxEvaluationDays()) {
            errors.add("expectedWorkingDays", "核准的评估时间最长 " + service.evaluationCeiling()
                + " 个工作日（《企业投资项目核准和备案管理条例》第九条、第十条），本审查还可用于评估的时间为 "
                + review.maxEvaluationDays() + " 个工作日：" + days);
          }
          errors.throwIfAny();
          ReviewPauseRepository.Row row = service.pause(review, kind, reason, days, caller.userId());
          return ResponseEntity.ok(ProjectView.Pause.of(row, clock.now()));
        });
  }

  @PostMapping("/{taskId}/resume")
  public ResponseEntity<?> resume(@PathVariable String taskId, @RequestBody(required = false) JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = ApiCaller.of(auth, enterpriseAccounts);
    ReviewPauseService.Review review = service.review(taskId, caller.groups());
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/reviews/" + taskId + "/resume " + body,
        () -> {
          if (body != null && !body.isNull()) {
            FieldErrors errors = new FieldErrors();
            JsonBody.unknownFields(body, RESUME_FIELDS, errors);
            if (body.has("note") && !body.get("note").isNull()) {
              JsonBody.text(body, "note", 1, 2000, "恢复计时说明", errors);
            }
            errors.throwIfAny();
          }
          String note = body == null || !body.hasNonNull("note") ? null : body.get("note").asText().strip();
          ReviewPauseRepository.Row row = service.resume(review, caller.userId(), note);
          return ResponseEntity.ok(ProjectView.Pause.of(row, clock.now()));
        });
  }

  private static PauseKind kind(JsonNode body, FieldErrors errors) {
    JsonNode n = body.isObject() ? body.get("kind") : null;
    if (n == null || n.isNull()) {
      errors.add("kind", "暂停计时的事由（kind）为必填项，可选：" + PauseKind.choices());
      return null;
    }
    PauseKind kind = n.isTextual() ? PauseKind.of(n.asText().strip()).orElse(null) : null;
    if (kind == null) {
      errors.add("kind", "kind 不是可暂停计时的事由（《中华人民共和国行政许可法》第四十五条）：" + n.asText()
          + "；可选：" + PauseKind.choices());
    }
    return kind;
  }

  private static Integer expectedWorkingDays(JsonNode body, FieldErrors errors) {
    JsonNode n = body.isObject() ? body.get("expectedWorkingDays") : null;
    if (n == null || n.isNull()) {
      errors.add("expectedWorkingDays", "预计所需工作日数（expectedWorkingDays）为必填项：须书面告知申请人所需时间");
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > MAX_EXPECTED_WORKING_DAYS) {
      errors.add("expectedWorkingDays", "expectedWorkingDays 须为 1–" + MAX_EXPECTED_WORKING_DAYS + " 之间的整数（工作日）："
          + n);
      return null;
    }
    return n.asInt();
  }
}
