package cn.parkflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A salted SHA-256 digest ({@code salt:hash}, hex) of a short-lived initial password. */
final class PasswordDigest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordDigest() {}

  static String of(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return HexFormat.of().formatHex(salt) + ":" + hash(salt, password);
  }

  static boolean matches(String digest, String password) {
    int colon = digest.indexOf(':');
    byte[] salt = HexFormat.of().parseHex(digest.substring(0, colon));
    return MessageDigest.isEqual(digest.substring(colon + 1).getBytes(StandardCharsets.US_ASCII),
        hash(salt, password).getBytes(StandardCharsets.US_ASCII));
  }

  private static String hash(byte[] salt, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
