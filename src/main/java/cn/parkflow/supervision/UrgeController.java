package cn.parkflow.supervision;

import cn.parkflow.identity.Department;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Urging (催办) an open task: for the supervision office only. Each call urges again; a call repeated with the same
 * {@code Idempotency-Key} (a retry after a lost answer) gets the first answer and urges nothing more.
 */
@RestController
@RequestMapping("/api/supervision/tasks")
public class UrgeController {
  static final int MAX_NOTE_LENGTH = 500;

  private final Urging urging;
  private final Idempotency idempotency;
  private final ObjectMapper objectMapper;

  public UrgeController(Urging urging, Idempotency idempotency, ObjectMapper objectMapper) {
    this.urging = urging;
    this.idempotency = idempotency;
    this.objectMapper = objectMapper;
  }

  /** The supervisor's note (催办意见), 1 to 500 characters. */
  public record UrgeRequest(String note) {}

  /** Answers {@code {"taskId", "notified": [e-mail addresses], "comment"}}. */
  @PostMapping("/{taskId}/urge")
  public ResponseEntity<JsonNode> urge(Authentication caller, @PathVariable String taskId,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      @RequestBody(required = false) UrgeRequest request) {
    if (!ApiCaller.inGroup(caller, Department.SUPERVISION)) {
      throw new ForbiddenException("只有督查室可以催办");
    }
    String note = request == null || request.note() == null ? "" : request.note().strip();
    FieldErrors errors = new FieldErrors();
    if (note.isEmpty()) {
      errors.add("note", "催办意见 note 不能为空");
    } else if (note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
      errors.add("note", "催办意见 note 不能超过 " + MAX_NOTE_LENGTH + " 个字");
    }
    errors.throwIfAny();
    String user = caller.getName();
    return idempotency.run(user, idempotencyKey, "POST /api/supervision/tasks/" + taskId + "/urge\n" + note,
        () -> ResponseEntity.ok(objectMapper.valueToTree(urging.urge(taskId, user, note))));
  }
}
