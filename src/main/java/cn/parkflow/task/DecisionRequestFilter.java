package cn.parkflow.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a decision task's completion before the engine sees it, for Tasklist ({@code /camunda/api/engine/...}) and
 * the engine REST API alike, and answers 400 with the Chinese message naming each bad field in Camunda's own error
 * format, which Tasklist shows above the form. {@link DecisionTaskGuard} enforces the same rules inside the engine for
 * every other path.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionRequestFilter {
  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> decisionRequestFilterRegistration(DecisionRules rules,
      TaskService taskService, IdentityService identityService, ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(rules, taskService, identityService, mapper));
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    registration.setName("parkflowDecisionRequestFilter");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final DecisionRules rules;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ObjectMapper mapper;

    Filter(DecisionRules rules, TaskService taskService, IdentityService identityService, ObjectMapper mapper) {
      this.rules = rules;
      this.taskService = taskService;
      this.identityService = identityService;
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher m = COMPLETION.matcher(request.getRequestURI());
      if (!"POST".equals(request.getMethod()) || !m.matches()) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readAllBytes();
      String problem = check(m.group(1), body);
      if (problem != null) {
        response.setStatus(400);
        response.setContentType("application/json;charset=UTF-8");
        mapper.writeValue(response.getOutputStream(),
            Map.of("type", "InvalidRequestException", "message", problem, "code", 0));
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
    }

    /** The broken rules as one Chinese message, or null when the completion may go on to the engine. */
    private String check(String taskId, byte[] body) {
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessDefinitionId() == null) {
          return null; // the engine answers unknown tasks itself
        }
        List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (allowed.isEmpty()) {
          return null;
        }
        JsonNode variables = body.length == 0 ? null : mapper.readTree(body).path("variables");
        var errors = rules.check(allowed, value(taskId, variables, DecisionRules.DECISION),
            value(taskId, variables, DecisionRules.OPINION), value(taskId, variables, DecisionRules.MISSING_ITEMS));
        return errors.isEmpty() ? null : DecisionTaskGuard.message(errors.list());
      } catch (IOException e) {
        return null; // not JSON: let the engine REST API answer it
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    }

    private Object value(String taskId, JsonNode variables, String name) {
      if (variables != null && variables.has(name)) {
        JsonNode v = variables.get(name).path("value");
        return v.isTextual() ? v.asText() : (v.isNull() || v.isMissingNode() ? null : v.toString());
      }
      return taskService.getVariable(taskId, name);
    }
  }

  /** The request with its already-read body available again for the engine. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
