package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS providers for both engine REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) that
 * answer, in Chinese, what Camunda's REST layer would answer with 500:
 *
 * <ul>
 *   <li>a completion that lost a race with another one (the engine's optimistic locking): 409; if the task is gone
 *       by the time the error is answered (whatever the engine threw, even a {@link NullPointerException}): 404;
 *   <li>anything done to a task the caller cannot read, or that no longer exists (e.g. completed a moment ago): 404;
 *   <li>a refusal that names its fields ({@link FieldRefusal}, e.g. ParkFlow's decision guard refusing a completion),
 *       however Camunda wrapped it: 400 with the refusal's message as it is and each field named;
 *   <li>another refusal by the engine's own checks ({@link BadUserRequestException}) that Camunda's task resource
 *       wraps as 500: 400;
 *   <li>deleting a task: 404 when the caller cannot read it, 403 when it belongs to a process (the engine never
 *       deletes those, and says so with 500 before it even checks the caller's rights).
 * </ul>
 *
 * Everything else is left to Camunda's {@link ExceptionHandlerHelper}. The mappers are preferred over Camunda's
 * {@code RestExceptionHandler} and {@code ProcessEngineExceptionHandler} (same exception types) by their higher
 * {@link Priority}; only Camunda's public REST API is used.
 */
public final class EngineRestErrors {
  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
  /**
   * A task resource, relative to the API's root: {@code [engine/<name>/]task/<id>[/...]}, not the collection's own
   * {@code task/create}, {@code task/count} and {@code task/report}.
   */
  private static final Pattern TASK =
      Pattern.compile("^/?(?:engine/([^/]+)/)?task/(?!(?:create|count|report)(?:/|$))([^/]+)(/.*)?$");
  /** Above Camunda's own mappers, which have the default {@link Priorities#USER}. */
  static final int PRIORITY = Priorities.USER - 100;

  static final String CONCURRENT_CHANGE =
      "此任务刚刚已由他人办理或同时被修改，本次操作未执行；请刷新任务列表，查看任务是否仍待办理";
  static final String PROCESS_TASK_NOT_DELETABLE =
      "此任务属于正在办理的流程，不能删除：流程中的任务随办理、撤回或流程办结而结束";

  private EngineRestErrors() {}

  /** All providers, to register in each engine REST application. */
  public static List<Class<?>> providers() {
    return List.of(RestExceptions.class, EngineExceptions.class, RuntimeExceptions.class, TaskDeletionCheck.class);
  }

  /** ParkFlow's answer where it has one, Camunda's otherwise. */
  abstract static class Mapper<E extends RuntimeException> implements ExceptionMapper<E> {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Context UriInfo uriInfo;
    @Context Request request;

    /** Whether Camunda would answer {@code e} with 500 (so an engine refusal inside it deserves 400). */
    abstract boolean camundaAnswers500(E e);

    @Override
    public Response toResponse(E e) {
      if (DatabaseUnavailable.isCause(e)) {
        // Jersey may ask this mapper before DatabaseUnavailable's for the same type: a lost connection is still 503
        return DatabaseUnavailable.answer(JSON, e, uriInfo);
      }
      Response answer = answer(e, uriInfo, request.getMethod(), camundaAnswers500(e));
      return answer != null ? answer : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /** Camunda's resources wrap engine exceptions in {@link RestException}, often with status 500. */
  @Priority(PRIORITY)
  public static class RestExceptions extends Mapper<RestException> {
    @Override
    boolean camundaAnswers500(RestException e) {
      return e.getStatus() == null || e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
    }
  }

  /**
   * Engine exceptions that Camunda's resources let through; Camunda answers 500 for most of them, but 400 for a
   * {@link BadUserRequestException} itself, so that is left alone.
   */
  @Priority(PRIORITY)
  public static class EngineExceptions extends Mapper<ProcessEngineException> {
    @Override
    boolean camundaAnswers500(ProcessEngineException e) {
      return false;
    }
  }

  /**
   * Anything else thrown at a task, above all what the engine throws when a concurrent completion removed the task's
   * execution under it (a {@link NullPointerException} deep in the engine, which Camunda answers with 500). This
   * mapper is nearer to such exceptions than Camunda's {@code ExceptionMapper<Throwable>}.
   */
  @Priority(PRIORITY)
  public static class RuntimeExceptions extends Mapper<RuntimeException> {
    @Override
    boolean camundaAnswers500(RuntimeException e) {
      return true;
    }
  }

  /**
   * {@code DELETE .../task/{id}}: 404 unless the caller can read the task, 403 for a task of a process; a standalone
   * task goes on to the engine, which checks the caller's right to delete it.
   */
  @Priority(Priorities.AUTHORIZATION)
  public static class TaskDeletionCheck implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) {
      Matcher m = TASK.matcher(context.getUriInfo().getPath());
      if (!"DELETE".equals(context.getMethod()) || !m.matches() || !(m.group(3) == null || "/".equals(m.group(3)))) {
        return;
      }
      ProcessEngine engine = engine(m.group(1));
      if (engine == null) {
        return;
      }
      String path = context.getUriInfo().getRequestUri().getPath();
      Task task = engine.getTaskService().createTaskQuery().taskId(m.group(2)).singleResult();
      if (task == null) {
        context.abortWith(response(path, 404, "NotFoundException", notFound(m.group(2))));
      } else if (task.getExecutionId() != null || task.getCaseExecutionId() != null) {
        context.abortWith(response(path, 403, "ProcessEngineException", PROCESS_TASK_NOT_DELETABLE));
      }
    }
  }

  /** ParkFlow's answer to {@code e}, or null for Camunda's. */
  static Response answer(Exception e, UriInfo uriInfo, String method, boolean wrapped500) {
    String path = uriInfo.getRequestUri().getPath();
    if (cause(e, OptimisticLockingException.class) != null) {
      log.debug("Concurrent change refused with 409: {}", e.getMessage());
      return response(path, 409, "OptimisticLockingException", CONCURRENT_CHANGE);
    }
    FieldRefusal fields = cause(e, FieldRefusal.class);
    Matcher task = TASK.matcher(uriInfo.getPath());
    ProcessEngine engine = task.matches() ? engine(task.group(1)) : null;
    if (engine != null) {
      Task found;
      try {
        found = engine.getTaskService().createTaskQuery().taskId(task.group(2)).singleResult();
      } catch (RuntimeException lookupFailed) {
        return fields != null ? refused(path, fields) : null;
      }
      if (found == null) {
        log.debug("Task {} gone or not readable, answered 404: {}", task.group(2), e.getMessage());
        return response(path, 404, "NotFoundException", notFound(task.group(2)));
      }
      boolean deletion = "DELETE".equals(method) && (task.group(3) == null || "/".equals(task.group(3)));
      if (deletion && found.getExecutionId() != null && !(e instanceof AuthorizationException)) {
        return response(path, 403, "ProcessEngineException", PROCESS_TASK_NOT_DELETABLE);
      }
    }
    if (fields != null) {
      // A refusal of a task that is still there. One that vanished while the engine looked at it (the applicant
      // withdrew at that moment, and the guard found no variables left) is answered 404 above, as the loser of the race.
      return refused(path, fields);
    }
    BadUserRequestException refused = cause(e, BadUserRequestException.class);
    if (wrapped500 && refused != null) {
      return response(path, 400, "InvalidRequestException", "操作未执行：" + refused.getMessage());
    }
    return null;
  }

  private static Response refused(String path, FieldRefusal fields) {
    log.debug("Refused by the engine with 400: {}", fields.getMessage());
    return response(path, 400, "InvalidRequestException", fields.getMessage(), fields.errors());
  }

  static String notFound(String taskId) {
    return "任务不存在、已办结或无权查看：" + taskId;
  }

  static Response response(String path, int status, String camundaType, String message) {
    return response(path, status, camundaType, message, List.of());
  }

  static Response response(String path, int status, String camundaType, String message, List<FieldError> errors) {
    return Response.status(status).type(EngineErrorBody.contentType(path) + ";charset=UTF-8")
        .entity(EngineErrorBody.of(path, status, camundaType, message, errors)).build();
  }

  private static ProcessEngine engine(String name) {
    try {
      return EngineUtil.lookupProcessEngine(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static <T> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
