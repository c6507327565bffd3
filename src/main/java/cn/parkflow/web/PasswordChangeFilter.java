package cn.parkflow.web;

import cn.parkflow.web.CamundaUserAuthenticationProvider.EngineIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account opened with an initial password (ADR 0013) may do one thing until it has chosen its own:
 * {@code POST /api/account/password}. Every other call of {@code /api} or {@code /engine-rest} answers 403 with a
 * problem saying so.
 */
class PasswordChangeFilter extends OncePerRequestFilter {
  static final String PATH = "/api/account/password";
  static final String MESSAGE = "首次登录须先修改初始密码：请调用 POST " + PATH + "（{\"newPassword\": \"…\"}），修改后即可正常使用";
  private final ObjectMapper mapper;

  PasswordChangeFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean mustChange = auth != null && auth.getDetails() instanceof EngineIdentity who
        && who.passwordChangeRequired();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (mustChange && !("POST".equals(request.getMethod()) && PATH.equals(path))) {
      SecurityConfiguration.problem(request, response, mapper, HttpStatus.FORBIDDEN, "须先修改初始密码", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
