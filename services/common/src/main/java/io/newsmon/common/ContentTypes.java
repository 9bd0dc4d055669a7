package io.newsmon.common;

import java.util.Locale;

/** The two parts of a {@code Content-Type} header producers need: media type and charset. */
public final class ContentTypes {

  private ContentTypes() {}

  /** The media type, lower-case, without parameters; empty for a missing header. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The {@code charset} parameter, unquoted, or null when there is none. */
  public static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String p = parameter.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String value = p.substring("charset=".length()).replace("\"", "").strip();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
