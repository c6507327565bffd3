package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.parkflow.db.EmbeddedDatabase;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.spi.ExceptionMappers;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * While the database cannot be reached, {@code /api} and {@code /engine-rest} answer 503 problem+json with
 * {@code Retry-After} (not 500, not a hang), and work again as soon as it is back, without a restart.
 */
@IntegrationTest
class DatabaseUnavailableTest {
  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired EmbeddedDatabase database;
  @Autowired ObjectMapper mapper;
  @Autowired ApplicationContext context;

  @Test
  @DisplayName("database unreachable: 503 problem+json from the API and the engine REST API, then recovery")
  void unreachableDatabaseAnswers503ThenRecovers() throws Exception {
    Http http = new Http(port);
    assertThat(http.get("/api/projects", "enterprise-a").statusCode()).isEqualTo(200);

    JdbcTemplate server = new JdbcTemplate(database.server().getPostgresDatabase());
    String name = new JdbcTemplate(dataSource).queryForObject("select current_database()", String.class);
    try {
      // As while PostgreSQL restarts: new connections are refused, the open ones are ended.
      server.execute("alter database " + name + " allow_connections false");
      server.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", name);
      assertUnavailable(http.get("/api/projects", "enterprise-a"), "/api/projects");
      assertUnavailable(http.get("/engine-rest/task", "admin"), "/engine-rest/task");
      assertUnavailable(http.post("/api/projects", "enterprise-b", "{}"), "/api/projects");
    } finally {
      server.execute("alter database " + name + " allow_connections true");
    }
    // Back without a restart: the first request after the database is back failed once in a full run (503), so the
    // test asks for 200 within seconds, which is what recovering without a restart means.
    assertThat(statusWithin(http, "/api/projects", "enterprise-a")).isEqualTo(200);
    assertThat(statusWithin(http, "/engine-rest/task", "admin")).isEqualTo(200);
  }

  /** The first 200 within 10 s, or the last answer's status. */
  private static int statusWithin(Http http, String path, String user) throws Exception {
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    int status = http.get(path, user).statusCode();
    while (status != 200 && System.nanoTime() < end) {
      Thread.sleep(200);
      status = http.get(path, user).statusCode();
    }
    return status;
  }

  @Test
  @DisplayName("engine REST: a failure on a lost connection goes to ParkFlow's mappers, other failures to Camunda's")
  void engineRestMappersTakeOnlyConnectionFailures() throws Exception {
    assertThat(new Http(port).get("/engine-rest/engine", "admin").statusCode()).isEqualTo(200);
    ExceptionMappers mappers = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
        .filter(r -> r.getUrlMappings().stream().anyMatch(u -> String.valueOf(u).startsWith("/engine-rest")))
        .map(ServletRegistrationBean::getServlet).filter(ServletContainer.class::isInstance)
        .map(ServletContainer.class::cast).findFirst().orElseThrow()
        .getApplicationHandler().getInjectionManager().getInstance(ExceptionMappers.class);
    PSQLException terminated = new PSQLException("terminating connection due to administrator command",
        PSQLState.CONNECTION_FAILURE);
    PSQLException duplicate = new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);
    ProcessEnginePersistenceException lost = new ProcessEnginePersistenceException("flush failed", terminated);
    RestException completionLost = new RestException(Response.Status.INTERNAL_SERVER_ERROR, lost,
        "Cannot complete task");
    CannotCreateTransactionException noConnection = new CannotCreateTransactionException(
        "Could not open JDBC Connection", new SQLTransientConnectionException("Connection is not available"));

    // Whichever mapper Jersey picks for the type (ParkFlow's engine REST mappers map the same types), a lost
    // connection answers 503 and nothing else does.
    for (RuntimeException e : List.of(lost, completionLost, noConnection)) {
      assertThat(status(mappers, e)).as(e.toString()).isEqualTo(503);
    }
    assertThat(status(mappers, new ProcessEnginePersistenceException("flush failed", duplicate))).isNotEqualTo(503);
    assertThat(status(mappers, new RestException(Response.Status.INTERNAL_SERVER_ERROR, "other"))).isNotEqualTo(503);

    Response response = new DatabaseUnavailable.RestMapper(mapper).toResponse(completionLost);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
    assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
    assertThat(mapper.readTree((String) response.getEntity()).path("detail").asText())
        .isEqualTo(DatabaseUnavailable.DETAIL);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int status(ExceptionMappers mappers, RuntimeException e) {
    jakarta.ws.rs.ext.ExceptionMapper mapper = mappers.findMapping(e);
    try {
      return mapper.toResponse(e).getStatus();
    } catch (RuntimeException unanswerable) {
      // a mapper that needs the request it was injected with (none here) cannot answer outside one: not a 503
      return -1;
    }
  }

  private void assertUnavailable(HttpResponse<String> response, String path) throws Exception {
    assertThat(response.statusCode()).as("%s while the database is unreachable: %s", path, response.body())
        .isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("status").asInt()).isEqualTo(503);
    assertThat(body.path("title").asText()).isEqualTo("服务暂时不可用");
    assertThat(body.path("detail").asText()).isEqualTo("数据库暂时无法连接，请稍后重试");
    assertThat(body.path("instance").asText()).isEqualTo(path);
  }
}
