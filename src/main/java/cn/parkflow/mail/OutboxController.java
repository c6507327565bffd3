package cn.parkflow.mail;

import cn.parkflow.identity.Department;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox for administrators: what was sent, what waits, what failed and why. */
@RestController
@RequestMapping("/api/admin/outbox")
public class OutboxController {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private static final Set<String> STATUSES = Set.of("queued", "sent", "failed");

  private final OutboxRepository outbox;

  public OutboxController(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  /** One outbox message. Times are ISO-8601 in Beijing time; {@code sentAt} and {@code lastError} may be null. */
  public record OutboxEntry(long id, String to, String subject, String body, String reasonKey, String status,
      int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt, String caseCode) {}

  /**
   * Newest first. {@code to} keeps one recipient (case-insensitive), {@code status} one of {@code queued},
   * {@code sent}, {@code failed}; {@code limit} (1–500, default 100) and {@code offset} page through the rest.
   */
  @GetMapping
  public List<OutboxEntry> list(Authentication caller, @RequestParam(required = false) String to,
      @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    if (!ApiCaller.inGroup(caller, Department.ADMINISTRATORS)) {
      throw new ForbiddenException("只有系统管理员可以查看邮件发件箱");
    }
    FieldErrors errors = new FieldErrors();
    if (status != null && !STATUSES.contains(status)) {
      errors.add("status", "status 必须是 queued（待发送）、sent（已发送）或 failed（发送失败）之一：" + status);
    }
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      errors.add("limit", "limit 必须在 1 到 " + MAX_LIMIT + " 之间：" + limit);
    }
    int skip = offset == null ? 0 : offset;
    if (skip < 0) {
      errors.add("offset", "offset 不能为负数：" + offset);
    }
    errors.throwIfAny();

    return outbox.list(to == null || to.isBlank() ? null : to.trim(), status, pageSize, skip);
  }
}
