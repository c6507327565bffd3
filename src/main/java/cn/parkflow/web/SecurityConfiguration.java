package cn.parkflow.web;

import cn.parkflow.identity.Department;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The Camunda webapps ({@code /camunda/**}) keep their own session login, CSRF protection and
 * application authorizations. The engine REST API and the ParkFlow API take HTTP Basic with Camunda users; the engine
 * REST API additionally runs every request as that user so the engine's authorizations apply, and refuses enterprise
 * accounts (they use {@code /api}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /**
   * No Micrometer observation around every security filter, authentication and authorization (Spring Security wraps
   * each filter in one when an observation registry exists, as the actuator provides): nothing here reads them, and
   * they were a measurable part of each request's cost (issue 13, docs/benchmarks.md).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    http.securityMatcher(paths("/camunda/**", "/", "/index.html", "/favicon.ico"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.disable())
        .requestCache(c -> c.disable())
        .securityContext(c -> c.disable())
        .sessionManagement(s -> s.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaUserAuthenticationProvider provider,
      IdentityService identityService, ObjectMapper objectMapper, @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit}") int queryMaxResults)
      throws Exception {
    http.authenticationProvider(provider)
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/error")).permitAll()
            // an enterprise without an account registers for one (rate-limited per client address)
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST,
                "/api/enterprise-registrations")).permitAll()
            .requestMatchers(paths("/engine-rest/**")).access((auth, ctx) -> new AuthorizationDecision(
                auth.get().isAuthenticated() && !(auth.get() instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                    && auth.get().getAuthorities().stream()
                        .noneMatch(g -> Department.ENTERPRISE.groupId().equals(g.getAuthority()))))
            .requestMatchers(paths("/api/**")).authenticated()
            .anyRequest().denyAll())
        .httpBasic(b -> b.realmName("ParkFlow").authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"ParkFlow\", charset=\"UTF-8\"");
          problem(req, res, objectMapper, HttpStatus.UNAUTHORIZED, "未登录",
              ex instanceof org.springframework.security.authentication.DisabledException ? ex.getMessage()
                  : "需要登录：请使用 HTTP Basic 提供用户名和密码");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            problem(req, res, objectMapper, HttpStatus.FORBIDDEN, "无权访问", "无权访问此资源")))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new PasswordChangeFilter(objectMapper), AuthorizationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService, queryMaxResults), AuthorizationFilter.class);
    return http.build();
  }

  /** Plain path patterns: the engine REST API and the webapps are servlets of their own, not Spring MVC. */
  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(java.util.Arrays.stream(patterns)
        .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
  }

  static void problem(HttpServletRequest req, HttpServletResponse res, ObjectMapper mapper, HttpStatus status,
      String title, String detail) throws IOException {
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    mapper.writeValue(res.getOutputStream(), Map.of("type", "about:blank", "title", title,
        "status", status.value(), "detail", detail, "instance", req.getRequestURI()));
  }
}
