package io.fairtender.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key material. A key is {@code ft_} plus 32 random bytes (256 bits) from {@link SecureRandom}, base64url. Only its
 * SHA-256 is stored: with 256 bits of entropy a guess or a precomputed table is hopeless, so a slow password hash
 * (PBKDF2, bcrypt) would add nothing but CPU time on every request, and a plain digest lets the server find the key by
 * an exact lookup of its hash.
 */
public final class Secrets {
  static final String PREFIX = "ft_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new random key. */
  public static String newKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A new public key id (not secret). */
  static String newId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "key_" + HexFormat.of().formatHex(b);
  }

  /** Hex SHA-256 of the key's UTF-8 bytes. */
  public static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
