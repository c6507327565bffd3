package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (a request line or header too large, an invalid
 * character or a bad percent-encoding in the URL, too many parameters) as RFC 9457 {@code application/problem+json}
 * with a Chinese detail, like every other answer of the APIs. Tomcat's HTML page is kept for the Camunda webapps
 * ({@code /camunda/...}), whose users are browsers. Installed as the host's error report valve by
 * {@link TomcatErrorReports}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    if (uri != null && (uri.equals("/camunda") || uri.startsWith("/camunda/"))) {
      super.report(request, response, throwable);
      return;
    }
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title(status));
    problem.put("status", status);
    problem.put("detail", detail(status));
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is closed; nothing more can be said
    }
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "请求格式有误";
      case 404 -> "未找到";
      case 413, 414, 431 -> "请求过大";
      case 505 -> "不支持的 HTTP 版本";
      default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
    };
  }

  static String detail(int status) {
    return switch (status) {
      case 400 -> "请求格式有误，服务器无法读取：请检查地址中的字符和百分号编码（空格、{、}、|、; 等须编码，% 后须为两位十六进制数，"
          + "路径中不得有编码的 . 或 /），以及请求行、请求头和查询参数的长度与个数";
      case 505 -> "不支持此 HTTP 版本，请使用 HTTP/1.1";
      case 404 -> "没有此地址";
      case 413, 414, 431 -> "请求过大（地址、请求头或正文超出服务器允许的长度），请缩短后重试";
      default -> status >= 500 ? "服务器内部错误，请稍后重试；如问题持续，请联系系统管理员"
          : "请求无法处理（HTTP " + status + "）";
    };
  }
}
