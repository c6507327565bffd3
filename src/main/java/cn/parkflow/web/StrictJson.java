package cn.parkflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every JSON body of the ParkFlow API (and every body {@link EngineRequestCheck} looks at) is read: exactly one
 * JSON value, no name twice in an object, text that PostgreSQL stores as it was sent (no control characters, no lone
 * UTF-16 surrogates, which would end as a database error or as {@code ?}), and numbers within {@code double} range
 * ({@code 1e400} would become infinity). Each refusal names the JSON path of the field ({@code projectName},
 * {@code changes.landArea}, {@code $} for the body as a whole).
 *
 * <p>The parser enforces the first two ({@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS} and strict duplicate
 * detection on the application's {@link ObjectMapper}); {@link #check} enforces the rest on the parsed tree.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
  static final String ROOT = "$";

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
        String child = ROOT.equals(path) ? field.getKey() : path + "." + field.getKey();
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

  /** Reads {@code body} strictly: the tree, or the reading errors (each naming its path) as an exception. */
  public static JsonNode read(ObjectMapper mapper, byte[] body) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      throw new InvalidInputException(List.of(readingError(e)));
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
    if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
      String path = path(d.getPath());
      return new FieldError(path, path + " 的类型或格式不正确");
    }
    if (e instanceof StreamReadException s) {
      String path = s.getProcessor() == null ? ROOT : path(s.getProcessor().getParsingContext());
      if (message.startsWith("Duplicate field")) {
        return new FieldError(path, "字段 " + path + " 重复出现；每个字段只能出现一次");
      }
      if (e instanceof StreamConstraintsException) {
        return new FieldError(path, path + " 的值过长或嵌套过深");
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
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
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
        parts.add(0, "." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.isEmpty() ? ROOT : joined.startsWith(".") ? joined.substring(1) : ROOT + joined;
  }
}
