package cn.parkflow.identity;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the code set
 * {@code 0-9 A-H J-N P-R T-U W-Y}; the last one is a check character, weights 3^(i) mod 31.
 */
public final class CreditCode {
  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** Whether {@code code} is well formed and its check character is right. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return code.charAt(17) == checkCharacter(code.substring(0, 17));
  }

  /** The check character for the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }
}
