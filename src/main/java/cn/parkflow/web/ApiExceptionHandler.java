package cn.parkflow.web;

import cn.parkflow.casefile.CaseItemNotFoundException;
import cn.parkflow.casefile.CaseStateException;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** ParkFlow API errors as RFC 9457 problem details, with Chinese messages; bad input lists every field at once. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return invalid(e.errors());
  }

  static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "输入有误，请按 errors 逐项修改后重新提交");
    p.setTitle("输入有误");
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return invalid(List.of(StrictJson.readingError(e)));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "请求正文须为 application/json");
    p.setTitle("不支持的内容类型");
    return p;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return invalid(List.of(new FieldError(e.getParameterName(), "缺少必填参数 " + e.getParameterName())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(List.of(new FieldError(e.getName(), "参数 " + e.getName() + " 的格式不正确")));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
        "此地址不支持 " + e.getMethod() + " 请求" + (e.getSupportedHttpMethods() == null ? ""
            : "，可用：" + e.getSupportedHttpMethods()));
    p.setTitle("不支持的请求方法");
    return p;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noSuchPath(NoResourceFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有此接口：/" + e.getResourcePath());
    p.setTitle("未找到");
    return p;
  }

  @ExceptionHandler({NotFoundException.class, CaseItemNotFoundException.class})
  ProblemDetail notFound(RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("未找到");
    return p;
  }

  @ExceptionHandler({ConflictException.class, CaseStateException.class})
  ProblemDetail conflict(RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("当前状态不允许此操作");
    if (e instanceof FieldConflictException f) {
      p.setTitle("与已有数据冲突");
      p.setProperty("errors", f.errors());
    }
    return p;
  }

  @ExceptionHandler(TooManyRequestsException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    p.setTitle("请求过于频繁");
    return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(p);
  }

  /**
   * Two requests changed the same case at the same moment (a double click, or a supplement racing its deadline): the
   * engine refused the second one and nothing of it was stored.
   */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "案件刚刚发生了变化（例如期限届满或另一请求已处理），本次请求未执行；请刷新查看案件状态后再试");
    p.setTitle("当前状态不允许此操作");
    return p;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    p.setTitle("无权操作");
    return p;
  }
}
