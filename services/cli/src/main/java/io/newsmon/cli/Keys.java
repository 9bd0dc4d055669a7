package io.newsmon.cli;

import io.newsmon.common.Hashes;
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
    return Hashes.sha256Hex(key);
  }
}
