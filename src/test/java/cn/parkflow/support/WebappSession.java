package cn.parkflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser's session with the Camunda webapps: session cookie, CSRF token, login, then calls to their API. */
public final class WebappSession {
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  private String token;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Opens the app page (cookie and CSRF token) and logs in; answers the login's HTTP status. */
  public int login(String app, String user, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).GET());
    token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return post("/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
        "username=" + user + "&password=" + password).statusCode();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return post(path, "application/json", json);
  }

  private HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
