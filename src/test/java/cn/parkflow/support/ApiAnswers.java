package cn.parkflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;

/** Reading the API's answers in tests: the JSON body, and the fields a 400 problem names (each message Chinese). */
public final class ApiAnswers {
  private final ObjectMapper mapper;

  public ApiAnswers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public JsonNode json(HttpResponse<String> res) {
    try {
      return mapper.readTree(res.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }

  /** The fields of a 400 problem+json answer, in order; fails unless every message is Chinese. */
  public List<String> errorFields(HttpResponse<String> res) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    json(res).get("errors").forEach(e -> assertThat(e.get("message").asText()).matches("(?s).*\\p{IsHan}.*"));
    return json(res).get("errors").findValuesAsText("field");
  }
}
