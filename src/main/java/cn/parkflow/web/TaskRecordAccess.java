package cn.parkflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A task's comments, attachments and identity links follow the task's own visibility, in the engine REST API and in
 * the webapps' engine API alike. Camunda 7 checks a task's authorizations for the task itself but not for its
 * comments and attachments (it only asks whether the caller sees the task's history, which every department in the
 * case does), so a clerk could read and write another department's comments through a case they share.
 *
 * <ul>
 *   <li>{@code /task/{id}/comment|attachment|identity-links[/...]}: 404 when the caller may not read the task (the
 *       same answer as for {@code GET /task/{id}}); a change (anything but GET) also needs the engine's permission to
 *       work the task, else 403 — so supervisors, who read every task, write only by urging through
 *       {@code POST /api/supervision/tasks/{id}/urge}. A finished task's record is closed to changes but for
 *       administrators.</li>
 *   <li>{@code GET /process-instance/{id}/comment}: comments on a task the caller may not read are left out (a
 *       comment on a task can carry the case id too, as urging's do). The operation log, which would keep edited
 *       comments' text, is not written at ParkFlow's history level ({@code audit}).</li>
 * </ul>
 * "May read" is the engine's own check, run as the caller: the task's READ (or the definition's READ_TASK) while it
 * runs, its HISTORIC_TASK READ (or the definition's READ_HISTORY) once finished.
 */
@Configuration(proxyBeanMethods = false)
public class TaskRecordAccess {
  private static final String ENGINE_REST = "/engine-rest";
  private static final Pattern PATH =
      Pattern.compile("^(?:" + ENGINE_REST + "|/camunda/api/engine/engine/([^/]+))(/.*)$");
  private static final Pattern TASK_RECORD = Pattern.compile("^/task/([^/]+)/(comment|attachment|identity-links)(/.*)?$");
  private static final Pattern CASE_COMMENTS = Pattern.compile("^/process-instance/[^/]+/comment/?$");

  enum Access { ALLOWED, NOT_FOUND, FORBIDDEN }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskRecordAccessRegistration(ProcessEngine engine,
      ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), mapper));
    registration.addUrlPatterns(ENGINE_REST + "/*", "/camunda/api/engine/*");
    registration.setName("parkflowTaskRecordAccess");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ProcessEngineConfigurationImpl configuration;
    private final IdentityService identityService;
    private final ObjectMapper mapper;

    Filter(ProcessEngineConfigurationImpl configuration, ObjectMapper mapper) {
      this.configuration = configuration;
      this.identityService = configuration.getIdentityService();
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!path.matches()) {
        chain.doFilter(request, response);
        return;
      }
      boolean webapp = path.group(1) != null;
      Authentication caller = webapp ? webappCaller(request, path.group(1))
          : identityService.getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        chain.doFilter(request, response); // anonymous: the webapps' and the API's own login rules answer
        return;
      }
      String resource = path.group(2);
      boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      Matcher record = TASK_RECORD.matcher(resource);
      if (record.matches()) {
        String taskId = record.group(1);
        Access access = as(caller, () -> access(taskId, !read));
        if (access == Access.ALLOWED) {
          chain.doFilter(request, response);
        } else {
          refuse(request, response, webapp, access, taskId);
        }
      } else if (read && CASE_COMMENTS.matcher(resource).matches()) {
        withoutHiddenTaskEntries(request, response, chain, caller);
      } else {
        chain.doFilter(request, response);
      }
    }

    /** The account logged in to the webapps for this engine, from the session the webapps keep. */
    private Authentication webappCaller(HttpServletRequest request, String engineName) {
      HttpSession session = request.getSession(false);
      if (session == null) {
        return null;
      }
      return AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName)
          instanceof UserAuthentication user
          ? new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()) : null;
    }

    /** Runs {@code check} as the caller, restoring whatever authentication the thread had. */
    private <T> T as(Authentication caller, Supplier<T> check) {
      Authentication before = identityService.getCurrentAuthentication();
      identityService.setAuthentication(caller);
      try {
        return check.get();
      } finally {
        if (before == null) {
          identityService.clearAuthentication();
        } else {
          identityService.setAuthentication(before);
        }
      }
    }

    Access access(String taskId, boolean change) {
      return configuration.getCommandExecutorTxRequired().execute((Command<Access>) ctx -> {
        TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
        if (task != null) {
          try {
            configuration.getCommandCheckers().forEach(c -> c.checkReadTask(task));
          } catch (AuthorizationException e) {
            return Access.NOT_FOUND;
          }
          if (change) {
            try {
              configuration.getCommandCheckers().forEach((CommandChecker c) -> c.checkTaskWork(task));
            } catch (AuthorizationException e) {
              return Access.FORBIDDEN;
            }
          }
          return Access.ALLOWED;
        }
        HistoricTaskInstanceEntity finished = ctx.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
        if (finished == null) {
          return Access.ALLOWED; // no such task: the engine gives its own answer
        }
        AuthorizationManager authorizations = ctx.getAuthorizationManager();
        boolean admin = authorizations.isCamundaAdmin(ctx.getAuthentication());
        boolean readable = admin
            || authorizations.isAuthorized(HistoricTaskPermissions.READ, Resources.HISTORIC_TASK, taskId)
            || (finished.getProcessDefinitionKey() != null && authorizations.isAuthorized(
                ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
                finished.getProcessDefinitionKey()));
        if (!readable) {
          return Access.NOT_FOUND;
        }
        return change && !admin ? Access.FORBIDDEN : Access.ALLOWED;
      });
    }

    private void withoutHiddenTaskEntries(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
        Authentication caller) throws ServletException, IOException {
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, buffered);
      byte[] body = buffered.getContentAsByteArray();
      JsonNode entries = null;
      if (buffered.getStatus() == 200 && body.length > 0) {
        try {
          entries = mapper.readTree(body);
        } catch (IOException e) {
          entries = null;
        }
      }
      if (entries instanceof ArrayNode list) {
        Map<String, Boolean> readable = new HashMap<>();
        boolean removed = as(caller, () -> {
          boolean any = false;
          for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode taskId = list.get(i).get("taskId");
            if (taskId != null && taskId.isTextual() && !readable.computeIfAbsent(taskId.asText(),
                id -> access(id, false) != Access.NOT_FOUND)) {
              list.remove(i);
              any = true;
            }
          }
          return any;
        });
        if (removed) {
          body = mapper.writeValueAsBytes(list);
        }
      }
      buffered.resetBuffer();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean webapp, Access access,
        String taskId) throws IOException {
      boolean notFound = access == Access.NOT_FOUND;
      String message = notFound ? "任务不存在：" + taskId
          : "只有办理此任务的部门可以添加或修改评论、附件和办理人；督查室请使用催办（POST /api/supervision/tasks/"
              + taskId + "/urge）";
      if (!webapp) {
        SecurityConfiguration.problem(request, response, mapper, notFound ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN,
            notFound ? "未找到" : "无权访问", message);
        return;
      }
      response.setStatus(notFound ? 404 : 403);
      response.setContentType("application/json;charset=UTF-8");
      mapper.writeValue(response.getOutputStream(), Map.of(
          "type", notFound ? "InvalidRequestException" : "AuthorizationException", "message", message));
    }
  }
}
