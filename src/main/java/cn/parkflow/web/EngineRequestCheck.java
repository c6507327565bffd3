package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

  /**
   * The broken rules as one Chinese message, or null when the request may go on to the engine.
   *
   * @throws NotFoundException when the request names something that does not exist (answered 404)
   */
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
    String problem = unreadable(request, body);
    try {
      if (problem == null) {
        problem = problem(m, body);
      }
    } catch (NotFoundException e) {
      refuse(response, 404, e.getMessage());
      return;
    }
    if (problem != null) {
      refuse(response, 400, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    mapper.writeValue(response.getOutputStream(),
        Map.of("type", "InvalidRequestException", "message", message, "code", 0));
  }

  /**
   * A JSON body is read by the rules of {@link StrictJson} first, so text the database could not store as sent never
   * reaches the engine; the message names every bad field's JSON path. Other bodies are left to the engine.
   */
  private String unreadable(HttpServletRequest request, byte[] body) {
    String type = request.getContentType();
    if (body.length == 0 || type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      return null;
    }
    try {
      StrictJson.read(mapper, body);
      return null;
    } catch (InvalidInputException e) {
      return "请求正文有误：" + e.errors().stream().map(f -> f.field() + "：" + f.message())
          .collect(Collectors.joining("；"));
    }
  }
}
