package cn.parkflow.web;

import cn.parkflow.identity.Department;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enterprise accounts use the ParkFlow API only. The webapps let every valid account into {@code welcome} (Camunda
 * grants it without an application authorization), and a webapp session may call the engine API behind any webapp;
 * so this filter refuses an enterprise account's login to every webapp (403 after a valid password, as Camunda answers
 * for an app the account may not use) and drops an enterprise account from a session issued earlier, answering 403 to
 * its request.
 */
@Configuration(proxyBeanMethods = false)
public class WebappEnterpriseFilter {
  private static final Pattern LOGIN = Pattern.compile(".*/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");
  static final String MESSAGE = "企业账号请通过 ParkFlow 接口（/api）办理，不能登录管理界面";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappEnterpriseFilterRegistration(IdentityService identityService,
      ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(identityService, mapper));
    registration.addUrlPatterns("/camunda/api/*");
    registration.setName("parkflowWebappEnterpriseFilter");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10); // before the engine-request checks on the same paths
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final IdentityService identityService;
    private final ObjectMapper mapper;

    Filter(IdentityService identityService, ObjectMapper mapper) {
      this.identityService = identityService;
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("POST".equals(request.getMethod()) && LOGIN.matcher(request.getRequestURI()).matches()) {
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String user = form.get("username");
        if (user != null && isEnterprise(user)) {
          if (identityService.checkPassword(user, form.getOrDefault("password", ""))) {
            refuse(response);
          } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          }
          return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
        return;
      }
      HttpSession session = request.getSession(false);
      if (session != null && dropEnterpriseAccounts(session)) {
        refuse(response);
        return;
      }
      chain.doFilter(request, response);
    }

    private boolean isEnterprise(String userId) {
      return identityService.createUserQuery().userId(userId).memberOfGroup(Department.ENTERPRISE.groupId())
          .count() > 0;
    }

    /**
     * Removes enterprise accounts from a webapp session; true when there was one. Membership is looked up now, not
     * taken from the session, so an account made an enterprise account after it logged in is caught too.
     */
    private boolean dropEnterpriseAccounts(HttpSession session) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      boolean dropped = false;
      for (UserAuthentication auth : new ArrayList<>(authentications.getAuthentications())) {
        if (isEnterprise(auth.getIdentityId())) {
          authentications.removeByEngineName(auth.getProcessEngineName());
          dropped = true;
        }
      }
      if (dropped) {
        AuthenticationUtil.updateSession(session, authentications);
      }
      return dropped;
    }

    private void refuse(HttpServletResponse response) throws IOException {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      mapper.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException", "message", MESSAGE));
    }

    private static Map<String, String> form(String body) {
      Map<String, String> values = new HashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return values;
    }
  }
}
