package cn.parkflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an error that ParkFlow answers on an engine REST API itself. On {@code /engine-rest} it is RFC 9457
 * problem+json like the ParkFlow API, with Camunda's {@code message} member beside {@code detail} so clients written
 * for Camunda's format still read the text. On the webapps' {@code /camunda/api/engine/...} it is Camunda's own
 * format ({@code type}, {@code message}), which Tasklist shows above the form.
 */
public final class EngineErrorBody {
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String CAMUNDA_JSON = "application/json";

  private EngineErrorBody() {}

  /** Whether the request went to {@code /engine-rest} (and not to the webapps' engine API). */
  public static boolean isEngineRest(String requestUri) {
    return requestUri.contains("/engine-rest/") || requestUri.endsWith("/engine-rest");
  }

  public static String contentType(String requestUri) {
    return isEngineRest(requestUri) ? PROBLEM_JSON : CAMUNDA_JSON;
  }

  /**
   * @param camundaType the exception type named in Camunda's format (e.g. {@code InvalidRequestException})
   * @param errors the invalid fields, for a 400; empty otherwise
   */
  public static Map<String, Object> of(String requestUri, int status, String camundaType, String message,
      List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (isEngineRest(requestUri)) {
      body.put("type", "about:blank");
      body.put("title", title(status));
      body.put("status", status);
      body.put("detail", message);
      body.put("instance", requestUri);
      body.put("message", message);
      if (!errors.isEmpty()) {
        body.put("errors", errors);
      }
    } else {
      body.put("type", camundaType);
      body.put("message", message);
      body.put("code", 0);
    }
    return body;
  }

  /** The same titles as the ParkFlow API's ({@link ApiExceptionHandler}). */
  static String title(int status) {
    return switch (status) {
      case 400 -> "输入有误";
      case 403 -> "无权操作";
      case 404 -> "未找到";
      case 409 -> "当前状态不允许此操作";
      default -> "请求未能完成";
    };
  }
}
