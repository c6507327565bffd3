package cn.parkflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Reading an API body given as a JSON tree, so that unknown fields and wrong types are reported together with every
 * other invalid field, each named by its JSON path, in Chinese.
 */
public final class JsonBody {
  private JsonBody() {}

  /** Every field of {@code body} not in {@code allowed} is an error; a body that is no object is one too. */
  public static void unknownFields(JsonNode body, Set<String> allowed, FieldErrors errors) {
    String names = String.join("、", allowed.stream().sorted().toList());
    if (!body.isObject()) {
      errors.add("$", "请求正文必须是 JSON 对象，字段：" + names);
      return;
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        errors.add(name, "未知字段 " + name + "，可用字段：" + names);
      }
    }
  }

  /** A required text field of {@code min}–{@code max} characters (code points), stripped. */
  public static String text(JsonNode body, String field, int min, int max, String label, FieldErrors errors) {
    JsonNode n = body.isObject() ? body.get(field) : null;
    if (n == null || n.isNull()) {
      errors.add(field, label + "（" + field + "）为必填项");
      return null;
    }
    if (!n.isTextual()) {
      errors.add(field, label + "（" + field + "）必须是字符串");
      return null;
    }
    String value = n.asText().strip();
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      errors.add(field, label + "（" + field + "）须为 " + min + "–" + max + " 个字符");
      return null;
    }
    return value;
  }
}
