package cn.parkflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How every JSON body of the ParkFlow API (and every body {@link EngineRequestCheck} looks at) is read: well-formed
 * UTF-8 only, exactly one JSON value, no name twice in an object, text that PostgreSQL stores as it was sent (no
 * control characters, no lone UTF-16 surrogates, which would end as a database error or as {@code ?}), and numbers
 * that a field can hold. Each refusal names the JSON path of the field ({@code projectName}, {@code changes.landArea},
 * {@code $} for the body as a whole).
 *
 * <p>Spring MVC's JSON converter reads request bodies through {@link #read(ObjectMapper, byte[], JavaType)}, with
 * decimals read exactly, so {@code 1e400} reaches the field's range rule as the number sent and {@code 1e-400} is not
 * silently read as 0. The engine REST checks read decimals as {@code double}, as the engine will, and refuse any beyond
 * its range. The application's {@link ObjectMapper} itself also refuses trailing tokens and duplicate names.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
  static final String ROOT = "$";

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** Spring MVC's JSON converter: writes with the application's mapper, reads every request body by {@link #read}. */
  @Bean
  MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
    return new MappingJackson2HttpMessageConverter(mapper) {
      @Override
      public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return StrictJson.read(getObjectMapper(), input.getBody().readAllBytes(), getJavaType(type, contextClass));
      }

      @Override
      protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return StrictJson.read(getObjectMapper(), input.getBody().readAllBytes(), getJavaType(type, null));
      }
    };
  }

  /** Every string, field name and number of {@code node} that breaks the rules above, with its JSON path. */
  public static List<FieldError> check(JsonNode node) {
    List<FieldError> errors = new ArrayList<>();
    check(node, ROOT, errors);
    return errors;
  }

  private static void check(JsonNode node, String path, List<FieldError> errors) {
    if (node.isTextual()) {
      String problem = badText(node.textValue());
      if (problem != null) {
        errors.add(new FieldError(path, path + " " + problem));
      }
    } else if (node.isDouble() || node.isFloat()) {
      if (!Double.isFinite(node.doubleValue())) {
        errors.add(new FieldError(path, path + " 的数值超出可处理的范围（绝对值过大）"));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = ROOT.equals(path) ? printable(field.getKey()) : path + "." + printable(field.getKey());
        String problem = badText(field.getKey());
        if (problem != null) {
          errors.add(new FieldError(child, "字段名 " + problem));
        } else {
          check(field.getValue(), child, errors);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  /**
   * Why {@code text} cannot be stored as sent, or null when it can. Tab, line feed and carriage return are ordinary
   * text; every other C0 or C1 control character (NUL among them) and every unpaired surrogate is refused.
   */
  public static String badText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("含有无效的 Unicode 字符（孤立的代理项 U+%04X，第 %d 个字符），请检查文字的编码", (int) c, i + 1);
      } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return String.format("含有不允许的控制字符 U+%04X（第 %d 个字符），请删除后重新提交", (int) c, i + 1);
      }
    }
    return null;
  }

  /** A field name as it can appear in an answer: control characters and lone surrogates written as {@code \\uXXXX}. */
  static String printable(String name) {
    if (badText(name) == null) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1));
      if (pair) {
        out.append(c).append(name.charAt(++i));
      } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Reads {@code body} strictly: UTF-8 only (a malformed or overlong sequence, an encoded surrogate or a UTF-16 body is
   * refused, not replaced), one JSON value, decimals exact, then {@link #check}. Answers the tree, or throws
   * {@link InvalidInputException} whose errors name the JSON path where reading stopped.
   */
  public static JsonNode read(ObjectMapper mapper, byte[] body) {
    return read(mapper, body, false);
  }

  /**
   * As {@link #read(ObjectMapper, byte[])}; with {@code exactDecimals} numbers with a fraction or exponent are read as
   * {@code BigDecimal} (so {@code 1e400} reaches a field's range rule as sent), otherwise as {@code double}, where
   * a number beyond its range is refused here.
   */
  static JsonNode read(ObjectMapper mapper, byte[] body, boolean exactDecimals) {
    if (body.length == 0) {
      throw InvalidInputException.of(ROOT, "请求正文不能为空");
    }
    int malformed = firstMalformedByte(body);
    if (malformed >= 0) {
      String path = pathAtEndOf(mapper, new String(body, 0, malformed, StandardCharsets.UTF_8));
      throw InvalidInputException.of(path, "请求正文须为 UTF-8 编码，" + path + " 中第 " + (malformed + 1)
          + " 个字节起不是有效的 UTF-8");
    }
    ObjectReader reader = exactDecimals ? mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        : mapper.reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonParser parser = null;
    JsonNode tree;
    try {
      // parsed from text, so valid UTF-8 that merely looks like UTF-16 (NUL bytes) is never read as UTF-16
      parser = reader.createParser(new String(body, StandardCharsets.UTF_8));
      tree = reader.readTree(parser);
      if (tree != null && parser.nextToken() != null) {
        throw InvalidInputException.of(ROOT, "请求正文只能包含一个 JSON 值，其后不得再有其他内容");
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(List.of(readingError(e, parser)));
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException e) {
          // a parser over a string cannot fail to close
        }
      }
    }
    if (tree == null || tree.isMissingNode()) {
      throw InvalidInputException.of(ROOT, "请求正文不能为空");
    }
    List<FieldError> errors = check(tree);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return tree;
  }

  /** The offset of the first byte that does not belong to well-formed UTF-8, or -1. */
  private static int firstMalformedByte(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return decoder.flush(out).isError() ? in.position() : -1;
      }
      out.clear();
    }
  }

  /** The JSON path the parser has reached at the end of {@code prefix} (where the bad bytes begin). */
  private static String pathAtEndOf(ObjectMapper mapper, String prefix) {
    try (JsonParser parser = mapper.createParser(prefix)) {
      try {
        while (parser.nextToken() != null) {
          // walk to the end of the prefix
        }
      } catch (IOException | RuntimeException e) {
        // the prefix ends inside a value: the context still names it
      }
      return path(parser.getParsingContext());
    } catch (IOException e) {
      return ROOT;
    }
  }

  /**
   * Reads a request body as {@code type}: strictly as a tree ({@link #read}), then bound; the bound value is checked
   * again, since binding can turn an exact decimal into an infinite {@code double}.
   */
  public static Object read(ObjectMapper mapper, byte[] body, JavaType type) {
    JsonNode tree = read(mapper, body, true);
    if (type.getRawClass().isInstance(tree)) {
      return tree;
    }
    Object value;
    try {
      value = mapper.treeToValue(tree, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(List.of(readingError(e)));
    }
    List<FieldError> errors = value == null ? List.of() : check(mapper.valueToTree(value));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return value;
  }

  /** A reading failure of {@code parser} as the field where it stopped and a Chinese message. */
  private static FieldError readingError(Throwable e, JsonParser parser) {
    if (e instanceof JsonProcessingException || parser == null) {
      FieldError error = readingError(e);
      if (!ROOT.equals(error.field()) || parser == null || e instanceof JsonMappingException) {
        return error;
      }
      String path = path(parser.getParsingContext());
      return new FieldError(path, error.message().replace(ROOT + " ", path + " "));
    }
    // a number the parser cannot represent, e.g. 1E+2147483648 as a decimal
    String path = path(parser.getParsingContext());
    return new FieldError(path, path + " 的数值超出可处理的范围");
  }

  /** A Jackson reading failure as the field it concerns and a Chinese message. */
  public static FieldError readingError(Throwable failure) {
    Throwable e = failure;
    while (e != null && !(e instanceof IOException)) {
      e = e.getCause();
    }
    if (e == null) {
      boolean missing = failure.getMessage() != null && failure.getMessage().startsWith("Required request body");
      return new FieldError(ROOT, missing ? "请求正文不能为空" : "请求正文不是有效的 JSON");
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
      return new FieldError(ROOT, "请求正文只能包含一个 JSON 值，其后不得再有其他内容");
    }
    if (e instanceof MismatchedInputException && message.startsWith("No content to map")) {
      return new FieldError(ROOT, "请求正文不能为空");
    }
    if (e instanceof StreamConstraintsException) {
      return new FieldError(ROOT, ROOT + " 中的数字或文字过长，或嵌套过深：" + message.replaceAll("\\s*\\(.*", ""));
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String path = path(u.getPath());
      return new FieldError(path, "未知字段 " + path);
    }
    if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
      String path = path(d.getPath());
      return new FieldError(path, path + " 的类型或格式不正确");
    }
    if (e instanceof StreamReadException s) {
      String path = s.getProcessor() == null ? ROOT : path(s.getProcessor().getParsingContext());
      if (message.startsWith("Duplicate field")) {
        return new FieldError(path, "字段 " + path + " 重复出现；每个字段只能出现一次");
      }
      if (message.contains("Invalid UTF-8") || message.contains("Invalid UTF8")) {
        return new FieldError(path, "请求正文须为 UTF-8 编码，" + where(s));
      }
      if (message.startsWith("Illegal unquoted character")) {
        return new FieldError(path, path + " 含有未转义的控制字符，" + where(s));
      }
      return new FieldError(path, "请求正文不是有效的 JSON，" + where(s));
    }
    return new FieldError(ROOT, "请求正文不是有效的 JSON");
  }

  private static String where(StreamReadException e) {
    return e.getLocation() == null ? "无法读取"
        : "第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列处无法读取";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(printable(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        path.append(path.isEmpty() ? ROOT : "").append('[').append(r.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? ROOT : path.toString();
  }

  private static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.add(0, "." + printable(c.getCurrentName()));
      } else if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.isEmpty() ? ROOT : joined.startsWith(".") ? joined.substring(1) : ROOT + joined;
  }
}
