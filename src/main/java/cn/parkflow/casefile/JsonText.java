package cn.parkflow.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * JSON a slice keeps as text in one of its tables (facts, an agreement, a statement): written as the mapper writes it,
 * read back with exact decimals, so an amount never passes through a double.
 */
public final class JsonText {
  private final ObjectMapper mapper;
  private final ObjectReader exact;
  private final String table;

  /** @param table the table the text is kept in, named when a stored value is not JSON */
  public JsonText(ObjectMapper mapper, String table) {
    this.mapper = mapper;
    this.exact = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    this.table = table;
  }

  /** The node as text, null for null. */
  public String write(JsonNode node) {
    try {
      return node == null ? null : mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text as a node with exact decimals, null for null. */
  public JsonNode read(String json) {
    try {
      return json == null ? null : exact.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(table + " holds invalid JSON", e);
    }
  }
}
