package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7, item 11: requests that Tomcat refuses before any servlet sees them answer problem+json with a Chinese
 * detail under {@code /api} and {@code /engine-rest}, not Tomcat's HTML page. Sent over a raw socket, since an HTTP
 * client refuses to send such requests.
 */
@IntegrationTest
class TomcatErrorReportTest {
  private static final String LONG = "a".repeat(20_000);

  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;

  @ParameterizedTest
  @ValueSource(strings = {"/api/projects/a;b=c", "/api/projects/%2e%2e", "/api/projects/%zz", "/api/projects/%", "/api/projects/{x}", "/engine-rest/task/a|b",
      "/engine-rest/task/%00", "/api/projects?q=LONG", "/api/calendar/deadline?from=2026-01-01 x",
      "/api/projects BIG-HEADER", "/engine-rest/task BAD-HEADER"})
  void problemJsonInsteadOfHtml(String request) throws Exception {
    String target = request.replace("LONG", LONG).replace(" BIG-HEADER", "").replace(" BAD-HEADER", "");
    String extra = request.endsWith("BIG-HEADER") ? "X-Big: " + LONG + "\r\n"
        : request.endsWith("BAD-HEADER") ? "X-Bad: a\u0001b\r\n" : "";
    String raw = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
        + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)) + "\r\n" + extra
        + "Connection: close\r\n\r\n";
    String answer = send(raw);
    int split = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, split).toLowerCase(Locale.ROOT);
    String body = answer.substring(split + 4);
    assertThat(head).as(answer).startsWith("http/1.1 400");
    assertThat(head).contains("content-type: application/problem+json");
    JsonNode problem = mapper.readTree(body);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("请求格式有误");
    assertThat(problem.get("detail").asText()).matches(".*\\p{IsHan}.*");
  }

  @Test
  void aBrokenChunkedBodyIsProblemJsonToo() throws Exception {
    String answer = send("POST /api/projects HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
        + Base64.getEncoder().encodeToString("enterprise-a:demo".getBytes(StandardCharsets.UTF_8))
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + "zz\r\n{}\r\n0\r\n\r\n");
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    assertThat(head).as(answer).startsWith("http/1.1 400");
    assertThat(head).contains("content-type: application/problem+json");
    assertThat(answer).contains("请求格式有误");
  }

  private String send(String raw) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
