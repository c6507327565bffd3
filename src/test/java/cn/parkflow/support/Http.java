package cn.parkflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests against the running application, with HTTP Basic users. */
public final class Http {
  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;
  private final String base;

  public Http(int port) {
    this.port = port;
    this.base = "http://localhost:" + port;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public HttpResponse<String> post(String path, String user, String json) {
    return post(path, user, json, null);
  }

  public HttpResponse<String> post(String path, String user, String json, String idempotencyKey) {
    HttpRequest.Builder b = request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  public HttpResponse<String> delete(String path, String user) {
    return send(request(path, user).DELETE().build());
  }

  /** A multipart deployment to the engine REST API. */
  public HttpResponse<String> deploy(String user, String fileName, String content) {
    String boundary = "----parkflow" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntest\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return send(request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  /**
   * Logs in to a Camunda webapp as a browser does (session cookie and CSRF token from the app page first) and
   * answers the login's HTTP status.
   */
  public int webappLogin(String app, String user, String password) {
    return new cn.parkflow.support.WebappSession(port).login(app, user, password);
  }

  /** A browser session in a Camunda webapp: logged in, with its session cookie and CSRF token. */
  public final class WebappSession {
    private final HttpClient browser;
    private final String token;

    private WebappSession(HttpClient browser, String token) {
      this.browser = browser;
      this.token = token;
    }

    public HttpResponse<String> post(String path, String json) {
      return send(browser, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> delete(String path) {
      return send(browser, HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token).DELETE()
          .build());
    }
  }

  /** Logs in to a Camunda webapp as a browser does; fails unless the login succeeds. */
  public WebappSession webappSession(String app, String user, String password) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/"))
        .GET().build());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = send(browser, HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + " answered " + login.statusCode());
    }
    // The login starts a new session; its CSRF token comes with the next reading request.
    HttpResponse<String> me = send(browser, HttpRequest.newBuilder(
        URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build());
    String sessionToken = me.headers().firstValue("X-XSRF-TOKEN").orElse(token);
    return new WebappSession(browser, sessionToken);
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      String credentials = user.contains(":") ? user : user + ":demo";
      b.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(client, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
