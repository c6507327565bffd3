package cn.parkflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import cn.parkflow.web.CamundaUserAuthenticationProvider.EngineIdentity;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each engine REST request as the authenticated Camunda user, so the engine's authorization checks apply to it.
 * The user's groups and tenants come with the authentication ({@link EngineIdentity}), looked up once per
 * credentials-cache period rather than once per request.
 *
 * <p>The engine refuses unbounded list queries ({@code queryMaxResultsLimit}); a request that names no page gets the
 * first page of that size instead, so {@code GET /engine-rest/task} answers rather than failing.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {
  private final IdentityService identityService;
  private final int maxResults;

  EngineAuthenticationFilter(IdentityService identityService, int maxResults) {
    this.identityService = identityService;
    this.maxResults = maxResults;
  }

  private HttpServletRequest pagedByDefault(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query != null && query.contains("maxResults=")) {
      return request;
    }
    String paged = (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + maxResults;
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return paged;
      }

      @Override
      public String getParameter(String name) {
        return "maxResults".equals(name) ? String.valueOf(maxResults) : super.getParameter(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new HashMap<>(super.getParameterMap());
        map.put("maxResults", new String[] {String.valueOf(maxResults)});
        return map;
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
      }
    };
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    if (auth.getDetails() instanceof EngineIdentity who) {
      identityService.setAuthentication(who.userId(), who.groups(), who.tenants());
    } else {
      identityService.setAuthentication(auth.getName(),
          auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
    try {
      chain.doFilter(pagedByDefault(request), response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
