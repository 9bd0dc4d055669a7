package io.newsmon.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one check of what newsmon accepts as an article's or a feed's URL. */
public final class HttpUrls {

  private HttpUrls() {}

  /** {@code text} as an absolute http or https URL with a host, or null when it is not one. */
  public static URI absolute(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
