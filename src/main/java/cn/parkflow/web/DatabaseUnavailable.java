package cn.parkflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached (restarted, failed over, cut off), {@code /api} and {@code /engine-rest} answer
 * at once with 503 {@code application/problem+json} and {@code Retry-After}, instead of 500 or a hang; once the
 * database is back the pool opens new connections and the next request works, without a restart.
 *
 * <p>Two places see the failure. A servlet filter in front of the security filters catches it from the login check
 * (which reads the user from the database on every request) and from the ParkFlow API. The engine REST API answers
 * every exception itself with 500, so it gets exception mappers of its own, more specific than Camunda's; they take
 * only failures whose cause is a lost or refused database connection and leave every other error to Camunda.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseUnavailable {
  static final String TITLE = "服务暂时不可用";
  static final String DETAIL = "数据库暂时无法连接，请稍后重试";
  static final int RETRY_AFTER_SECONDS = 10;
  static final int MAPPER_PRIORITY = 100;

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
  /** SQLSTATE class 08 (connection exception) and PostgreSQL's shutdown and start-up states. */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  /**
   * Whether the cause of {@code e} is a database connection that could not be had or was lost. Besides the causes,
   * the exception that a failed rollback replaced is looked at (when the connection is lost mid-transaction, the
   * rollback fails too, and Spring reports that instead).
   */
  static boolean isCause(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> open = new ArrayDeque<>();
    open.push(e);
    while (!open.isEmpty()) {
      Throwable t = open.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
        return true;
      }
      if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
        open.push(tx.getApplicationException());
      }
      if (t.getCause() != null) {
        open.push(t.getCause());
      }
    }
    return false;
  }

  static Map<String, Object> problem(String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", TITLE);
    body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    body.put("detail", DETAIL);
    body.put("instance", instance);
    return body;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilterRegistration(ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(mapper));
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setName("parkflowDatabaseUnavailableFilter");
    // before Spring Security's filter chain (order -100), whose login check is the first to read the database
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * Registered with a priority ahead of Camunda's mappers (Jersey's default is 5000): where both map the same type
   * ({@code ProcessEngineException}, {@code RestException}), Jersey asks ours first; it takes only connection failures.
   */
  @Bean
  ResourceConfigCustomizer engineRestDatabaseUnavailable(ObjectMapper mapper) {
    return config -> config.register(new TransactionMapper(mapper), MAPPER_PRIORITY)
        .register(new EngineMapper(mapper), MAPPER_PRIORITY)
        .register(new RestMapper(mapper), MAPPER_PRIORITY);
  }

  /** The servlet side: the login check and the ParkFlow API. */
  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper mapper;

    Filter(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!isCause(e) || response.isCommitted()) {
          throw e;
        }
        log.warn("{} {}: database unavailable, answered 503: {}", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem(request.getRequestURI()));
      }
    }
  }

  /** The engine REST side: the answer Camunda would have given as 500. */
  abstract static class EngineRestMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {
    private final ObjectMapper mapper;
    @Context private UriInfo uriInfo;

    EngineRestMapper(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public boolean isMappable(E exception) {
      return isCause(exception);
    }

    @Override
    public Response toResponse(E exception) {
      return answer(mapper, exception, uriInfo);
    }
  }

  /** The engine REST answer to a lost connection: 503 problem+json with Retry-After. */
  static Response answer(ObjectMapper mapper, Throwable exception, UriInfo uriInfo) {
    log.warn("Engine REST: database unavailable, answered 503: {}", exception.toString());
    String instance = null;
    try {
      instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    } catch (RuntimeException outsideARequest) {
      // the injected request proxy has no request to show: answer without the instance
    }
    try {
      return Response.status(HttpStatus.SERVICE_UNAVAILABLE.value())
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
          .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8")
          .entity(mapper.writeValueAsString(problem(instance)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A transaction that could not begin: no connection from the pool (Spring's {@code CannotCreateTransaction}). */
  static final class TransactionMapper extends EngineRestMapper<TransactionException> {
    TransactionMapper(ObjectMapper mapper) {
      super(mapper);
    }
  }

  /** A statement that failed on a lost connection, wrapped by the engine. */
  static final class EngineMapper extends EngineRestMapper<ProcessEngineException> {
    EngineMapper(ObjectMapper mapper) {
      super(mapper);
    }
  }

  /** The same, wrapped once more by an engine REST resource (e.g. "Cannot complete task"). */
  static final class RestMapper extends EngineRestMapper<RestException> {
    RestMapper(ObjectMapper mapper) {
      super(mapper);
    }
  }
}
