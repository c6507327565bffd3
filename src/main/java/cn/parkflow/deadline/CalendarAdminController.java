package cn.parkflow.deadline;

import cn.parkflow.identity.Department;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.ConflictException;
import cn.parkflow.web.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/calendar/reload}: administrators load the calendar's notices again (a new year's file). */
@RestController
@RequestMapping("/api/admin/calendar")
public class CalendarAdminController {
  private final CalendarReloader reloader;

  public CalendarAdminController(CalendarReloader reloader) {
    this.reloader = reloader;
  }

  @PostMapping("/reload")
  public CalendarReloader.Result reload(Authentication caller) {
    if (!ApiCaller.inGroup(caller, Department.ADMINISTRATORS)) {
      throw new ForbiddenException("只有系统管理员可以重新载入节假日安排");
    }
    try {
      return reloader.reload();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new ConflictException("节假日文件有误，未重新载入，现行日历不变：" + e.getMessage());
    }
  }
}
