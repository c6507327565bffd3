package cn.parkflow.web;

/** A page of a list answer, read from {@code limit} and {@code offset} query parameters given as text. */
public record Paging(int limit, int offset) {

  /** Reads both parameters; each invalid one is added to {@code errors} (then the values are not to be used). */
  public static Paging read(String limitText, String offsetText, int maxLimit, FieldErrors errors) {
    return new Paging(number(limitText, "limit", 1, maxLimit, errors),
        number(offsetText, "offset", 0, Integer.MAX_VALUE, errors));
  }

  private static int number(String text, String field, int min, int max, FieldErrors errors) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(field, field + " 须为 " + min + "–" + (max == Integer.MAX_VALUE ? "∞" : max) + " 之间的整数");
    return min;
  }
}
