package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks at a POST to the engine REST API (Tasklist's {@code /camunda/api/engine/...} or {@code /engine-rest/...})
 * before the engine does, and refuses bad input with 400 in Camunda's own error format ({@code message}), which
 * Tasklist shows above the form. The engine enforces the same rules itself for every other path; this check only
 * turns its refusal into a clear answer.
 */
public abstract class EngineRequestCheck extends OncePerRequestFilter {
  private final Pattern path;
  protected final ObjectMapper mapper;

  protected EngineRequestCheck(Pattern path, ObjectMapper mapper) {
    this.path = path;
    this.mapper = mapper;
  }

  /** The broken rules as one Chinese message, or null when the request may go on to the engine. */
  protected abstract String problem(Matcher path, byte[] body);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = path.matcher(request.getRequestURI());
    if (!"POST".equals(request.getMethod()) || !m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String problem = problem(m, body);
    if (problem != null) {
      response.setStatus(400);
      response.setContentType("application/json;charset=UTF-8");
      mapper.writeValue(response.getOutputStream(),
          Map.of("type", "InvalidRequestException", "message", problem, "code", 0));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }
}
