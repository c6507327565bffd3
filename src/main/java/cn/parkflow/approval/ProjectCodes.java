package cn.parkflow.approval;

import cn.parkflow.time.EngineClock;
import cn.parkflow.deadline.WorkingDayCalendar;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Project codes shaped like the national ones (GB/T 40058-2021, 发改投资〔2020〕1439号): {@code YYYY-RRRRRR-DD-TT-NNNNNC},
 * 24 characters.
 *
 * <ul>
 *   <li>{@code YYYY}: the year the case was registered (Beijing time);
 *   <li>{@code RRRRRR}: the region code {@code parkflow.region-code} (GB/T 2260, e.g. 360124 进贤县);
 *   <li>{@code DD}: the supervising department code, {@value #DEPARTMENT_CODE} for projects under local management;
 *   <li>{@code TT}: the project type, {@value #PROJECT_TYPE} for enterprise investment projects (核准/备案);
 *   <li>{@code NNNNN}: five random digits, drawn again while the code is taken;
 *   <li>{@code C}: the check character.
 * </ul>
 *
 * <p><b>Check character.</b> ISO 7064 MOD 11-2 over the 19 digits before it (hyphens left out), as in the citizen
 * identity number (GB 11643): with the digits a<sub>1</sub>…a<sub>19</sub> read left to right and weights
 * w<sub>i</sub> = 2<sup>20−i</sup> mod 11, S = Σ a<sub>i</sub>·w<sub>i</sub>; C = (12 − S mod 11) mod 11, written
 * {@code X} when it is 10. Equivalently, the 20 symbols (C counting 10 for X, weight 1) sum to 1 mod 11. Any single
 * wrong digit and any swap of two neighbouring digits changes C. The standard's own algorithm text was not available;
 * this rule is ParkFlow's and is checked by {@link #isValid}.
 *
 * <p><b>Source.</b> {@code parkflow.project-code.source}: {@code local} (default) assigns these codes; {@code national}
 * takes the code the applicant got from the national online platform (Order 673 Art. 4), checked for its shape only
 * ({@link #hasShape}: ParkFlow's check character is not the standard's, so a genuine code is never refused for it).
 */
@Component
public class ProjectCodes {
  public static final String DEPARTMENT_CODE = "00";
  public static final String PROJECT_TYPE = "03";
  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{5}[0-9X]");
  private static final Pattern REGION = Pattern.compile("\\d{6}");

  public static final String SOURCE_LOCAL = "local";
  public static final String SOURCE_NATIONAL = "national";

  private final String regionCode;
  private final EngineClock clock;
  private volatile boolean national;
  private final SecureRandom random = new SecureRandom();

  public ProjectCodes(@Value("${parkflow.region-code:360124}") String regionCode, EngineClock clock,
      @Value("${parkflow.project-code.source:local}") String source) {
    if (!REGION.matcher(regionCode).matches()) {
      throw new IllegalStateException("parkflow.region-code must be a six-digit region code: " + regionCode);
    }
    if (!SOURCE_LOCAL.equals(source) && !SOURCE_NATIONAL.equals(source)) {
      throw new IllegalStateException("parkflow.project-code.source must be local or national: " + source);
    }
    this.regionCode = regionCode;
    this.clock = clock;
    this.national = SOURCE_NATIONAL.equals(source);
  }

  /** Whether applications carry the code from the national online platform ({@code source=national}). */
  public boolean national() {
    return national;
  }

  /**
   * Switches the source while running. For the tests of the other setting: a Spring context of their own would start
   * a second engine on the same database, which the shared context's engine REST and authorization checks do not
   * survive.
   */
  void national(boolean national) {
    this.national = national;
  }

  /** Whether {@code code} has the 24-character shape {@code YYYY-RRRRRR-DD-TT-NNNNNC} (the check character unchecked). */
  public static boolean hasShape(String code) {
    return code != null && SHAPE.matcher(code).matches();
  }

  /** A fresh code (not yet checked for uniqueness: the caller draws again while it is taken). */
  public String next() {
    int year = LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE).getYear();
    String serial = String.format("%05d", random.nextInt(100_000));
    String body = year + "-" + regionCode + "-" + DEPARTMENT_CODE + "-" + PROJECT_TYPE + "-" + serial;
    return body + checkCharacter(body);
  }

  /** Whether {@code code} has the shape and the right check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 24 || !SHAPE.matcher(code).matches()) {
      return false;
    }
    return code.charAt(23) == checkCharacter(code.substring(0, 23));
  }

  /** The check character for the first 23 characters of a code (hyphens are skipped). */
  public static char checkCharacter(String first23) {
    String digits = first23.replace("-", "");
    if (digits.length() != 19 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("expected 19 digits: " + first23);
    }
    int sum = 0;
    for (int i = 0; i < 19; i++) {
      int weight = pow2mod11(19 - i);
      sum += (digits.charAt(i) - '0') * weight;
    }
    int c = (12 - sum % 11) % 11;
    return c == 10 ? 'X' : (char) ('0' + c);
  }

  private static int pow2mod11(int exponent) {
    int r = 1;
    for (int i = 0; i < exponent; i++) {
      r = r * 2 % 11;
    }
    return r;
  }
}
