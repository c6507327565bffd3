package cn.parkflow.parcel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parcel code (宗地代码, GB/T 37346-2019), the business key of {@code land-supply}, {@code construction-watch} and
 * {@code idle-land-recovery}: 19 characters = the six-digit county code ({@code parkflow.region-code}) + 3-digit
 * 地籍区 + 3-digit 地籍子区 + the two-letter 宗地特征码 + 5-digit 宗地顺序号, e.g. {@code 360124001003GB00012}.
 *
 * <p>ParkFlow supplies and watches state-owned construction land used on the surface, so the 特征码 must be
 * {@code GB} (G: state-owned; B: construction land use right on the surface).
 */
public record ParcelCode(String value) {
  public static final int LENGTH = 19;
  public static final String FEATURE_CODE = "GB";
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /**
   * Every reason the text is not a parcel code of this county, in Chinese, or none. The checks are independent so
   * that a clerk sees every defect at once.
   */
  public static List<String> problems(String text, String regionCode) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add("请填写宗地代码（19 位，GB/T 37346-2019）");
      return problems;
    }
    if (text.length() != LENGTH) {
      problems.add("宗地代码应为 19 位（6 位县级行政区划代码 + 3 位地籍区 + 3 位地籍子区 + 2 位宗地特征码 + 5 位宗地顺序号），"
          + "当前为 " + text.length() + " 位");
      return problems;
    }
    if (!DIGITS.matcher(text.substring(0, 12)).matches()) {
      problems.add("宗地代码前 12 位（行政区划代码、地籍区、地籍子区）应为数字");
    } else if (!text.startsWith(regionCode)) {
      problems.add("宗地代码前 6 位应为本县行政区划代码 " + regionCode);
    }
    if (!FEATURE_CODE.equals(text.substring(12, 14))) {
      problems.add("宗地特征码（第 13–14 位）应为 GB（国有建设用地使用权，地表）");
    }
    if (!DIGITS.matcher(text.substring(14)).matches()) {
      problems.add("宗地顺序号（后 5 位）应为数字");
    } else if ("00000".equals(text.substring(14))) {
      problems.add("宗地顺序号不能为 00000");
    }
    return problems;
  }

  /** The code, checked; {@link IllegalArgumentException} with the first problem otherwise. */
  public static ParcelCode of(String text, String regionCode) {
    List<String> problems = problems(text, regionCode);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
    return new ParcelCode(text);
  }

  /** 地籍区 + 地籍子区 (the six digits after the county code). */
  public String cadastralZone() {
    return value.substring(6, 12);
  }

  @Override
  public String toString() {
    return value;
  }
}
