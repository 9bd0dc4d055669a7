package io.newsmon.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** API keys for the alert service: generated here, configured there only as SHA-256 hashes. */
final class Keys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Keys() {}

  static String newKey() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return "nmk_" + HexFormat.of().formatHex(key);
  }

  static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
