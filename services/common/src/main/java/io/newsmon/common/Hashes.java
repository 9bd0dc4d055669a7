package io.newsmon.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as newsmon uses them for ids, content hashes and API-key hashes. */
public final class Hashes {

  /**
   * Cloned for each digest: cheaper than {@code getInstance}, which searches the security providers
   * on every call, and safe from any thread (virtual ones included), unlike a shared instance.
   */
  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private Hashes() {}

  public static byte[] sha256(byte[] bytes) {
    try {
      return ((MessageDigest) SHA_256.clone()).digest(bytes);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  /** Lower-case hex of the SHA-256 of {@code text} in UTF-8. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The first {@code bytes} bytes of the SHA-256 of {@code data}, in hex: for short stable ids. */
  public static String sha256HexPrefix(byte[] data, int bytes) {
    return HexFormat.of().formatHex(sha256(data), 0, bytes);
  }
}
