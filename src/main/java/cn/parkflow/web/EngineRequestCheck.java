package cn.parkflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks at a POST to the engine REST API (Tasklist's {@code /camunda/api/engine/...} or {@code /engine-rest/...})
 * before the engine does, and refuses bad input with 400: in Camunda's own error format ({@code message}) on the
 * webapps' API, which Tasklist shows above the form, and as problem+json naming each field on {@code /engine-rest}
 * (see {@link EngineErrorBody}). A JSON body is first read by the rules of {@link StrictJson}. The engine enforces the
 * same rules itself for every other path; this check only turns its refusal into a clear answer.
 */
public abstract class EngineRequestCheck extends OncePerRequestFilter {
  private final Pattern path;
  protected final ObjectMapper mapper;

  protected EngineRequestCheck(Pattern path, ObjectMapper mapper) {
    this.path = path;
    this.mapper = mapper;
  }

  /** A refused request: one Chinese message (what Tasklist shows) and the invalid fields it names. */
  public record Refusal(String message, List<FieldError> errors) {}

  /**
   * The broken rules as one Chinese message, or null when the request may go on to the engine.
   *
   * @throws NotFoundException when the request names something that does not exist (answered 404)
   */
  protected String problem(Matcher path, byte[] body) {
    return null;
  }

  /**
   * The {@code variables} object of an engine REST body ({@code {"variables": {"name": {"value": …, "type": …}}}}),
   * a missing node when there is none, or {@code null} when the body is not JSON (the engine REST API answers that).
   */
  protected JsonNode variables(byte[] body) {
    try {
      return body.length == 0 ? null : mapper.readTree(body).path("variables");
    } catch (IOException e) {
      return null;
    }
  }

  /** The refusal, or null when the request may go on to the engine; by default {@link #problem}'s message. */
  protected Refusal refusal(Matcher path, byte[] body) {
    String message = problem(path, body);
    return message == null ? null : new Refusal(message, List.of());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = path.matcher(request.getRequestURI());
    if (!"POST".equals(request.getMethod()) || !m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Refusal refusal = unreadable(request, body);
    try {
      if (refusal == null) {
        refusal = refusal(m, body);
      }
    } catch (NotFoundException e) {
      refuse(request, response, 404, "NotFoundException", new Refusal(e.getMessage(), List.of()));
      return;
    } catch (ProcessEngineException e) {
      refusal = null; // the thing changed under the check (e.g. the task was just completed): the engine answers
    }
    if (refusal != null) {
      refuse(request, response, 400, "InvalidRequestException", refusal);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
      Refusal refusal) throws IOException {
    String uri = request.getRequestURI();
    response.setStatus(status);
    response.setContentType(EngineErrorBody.contentType(uri) + ";charset=UTF-8");
    mapper.writeValue(response.getOutputStream(),
        EngineErrorBody.of(uri, status, type, refusal.message(), refusal.errors()));
  }

  /**
   * A JSON body is read by the rules of {@link StrictJson} first, so text the database could not store as sent never
   * reaches the engine; the refusal names every bad field's JSON path. Other bodies are left to the engine.
   */
  private Refusal unreadable(HttpServletRequest request, byte[] body) {
    String type = request.getContentType();
    if (body.length == 0 || type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      return null;
    }
    try {
      StrictJson.read(mapper, body);
      return null;
    } catch (InvalidInputException e) {
      return new Refusal("请求正文有误：" + e.errors().stream().map(f -> f.field() + "：" + f.message())
          .collect(Collectors.joining("；")), e.errors());
    }
  }
}
