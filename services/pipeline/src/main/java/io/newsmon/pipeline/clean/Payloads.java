package io.newsmon.pipeline.clean;

import io.newsmon.pipeline.clean.RejectedArticleException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.mozilla.universalchardet.UniversalDetector;

/** Turns payload bytes into text, refusing what is not text. */
final class Payloads {

  /** Larger pages exist, but no news article needs more; beyond this is a crawler accident. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private Payloads() {}

  static String decode(byte[] payload, String declaredCharset) {
    return decode(payload, declaredCharset, false);
  }

  /**
   * Decodes {@code payload}: the declared charset (HTTP header, producer) wins, then a byte order
   * mark, then, for HTML, a {@code <meta charset>} or {@code http-equiv} declaration near the
   * start; else strict UTF-8, then for undeclared legacy text the charset Mozilla's detector finds,
   * and Windows-1252 (which maps every byte) when it finds none.
   */
  static String decode(byte[] payload, String declaredCharset, boolean html) {
    if (payload.length == 0) {
      throw new RejectedArticleException(Reason.EMPTY, "empty payload");
    }
    if (payload.length > MAX_BYTES) {
      throw new RejectedArticleException(
          Reason.TOO_LARGE, payload.length + " bytes exceeds the limit of " + MAX_BYTES);
    }
    Bom bom = Bom.of(payload);
    if (bom == null && looksBinary(payload)) {
      throw new RejectedArticleException(
          Reason.BINARY, "payload contains binary data (NUL or control bytes)");
    }
    String declared = declaredCharset;
    if ((declared == null || declared.isBlank()) && bom == null && html) {
      declared = metaCharset(payload);
    }
    Charset charset;
    if (bom != null) {
      charset = bom.charset;
    } else if (declaredCharset == null
        && declared != null
        && !Charset.isSupported(safe(declared))) {
      charset = StandardCharsets.UTF_8; // a page's own declaration names nothing usable
    } else {
      charset = charset(declared);
    }
    int offset = bom != null ? bom.length : 0;
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload, offset, payload.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      if (declaredCharset == null) {
        // Undeclared (or declared only in the page) and not what it claims: ask Mozilla's
        // detector (Cyrillic, CJK, Greek, Hebrew legacy charsets); failing that, Windows-1252,
        // which maps every byte and is what most such Western pages are.
        return decodeDetected(payload);
      }
      throw new RejectedArticleException(
          Reason.UNDECODABLE, "bytes are not valid " + charset.name() + " as declared");
    }
  }

  private static String decodeDetected(byte[] payload) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(payload, 0, payload.length);
    detector.dataEnd();
    String detected = detector.getDetectedCharset();
    if (detected != null && Charset.isSupported(safe(detected))) {
      try {
        return Charset.forName(detected)
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(payload))
            .toString();
      } catch (CharacterCodingException e) {
        // the detector guessed wrong: fall through
      }
    }
    return new String(payload, Charset.forName("windows-1252"));
  }

  private static final java.util.regex.Pattern META_CHARSET =
      java.util.regex.Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)");

  /** The charset a page declares in its first 4 KiB, per the HTML prescan, or null. */
  static String metaCharset(byte[] payload) {
    String head =
        new String(payload, 0, Math.min(payload.length, 4096), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    // A page served as bytes cannot be UTF-16 whatever it says (the HTML standard's rule).
    return name.toLowerCase(java.util.Locale.ROOT).startsWith("utf-16") ? "UTF-8" : name;
  }

  private static String safe(String name) {
    return name.matches("[A-Za-z0-9_:.+-]+") ? name : "invalid";
  }

  /** Byte order marks. */
  private enum Bom {
    UTF8(StandardCharsets.UTF_8, 3),
    UTF16BE(StandardCharsets.UTF_16BE, 2),
    UTF16LE(StandardCharsets.UTF_16LE, 2);

    final Charset charset;
    final int length;

    Bom(Charset charset, int length) {
      this.charset = charset;
      this.length = length;
    }

    static Bom of(byte[] b) {
      if (b.length >= 3
          && (b[0] & 0xFF) == 0xEF
          && (b[1] & 0xFF) == 0xBB
          && (b[2] & 0xFF) == 0xBF) {
        return UTF8;
      }
      if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
        return UTF16BE;
      }
      if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
        return UTF16LE;
      }
      return null;
    }
  }

  private static Charset charset(String declared) {
    if (declared == null || declared.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(declared.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new RejectedArticleException(Reason.UNDECODABLE, "unknown charset '" + declared + "'");
    }
  }

  private static boolean looksBinary(byte[] payload) {
    int sample = Math.min(payload.length, 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = payload[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20)) {
        control++;
      }
    }
    return control * 20 > sample; // more than 5 % control bytes
  }
}
