package io.newsmon.pipeline.clean;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * URL identity for deduplication: the same article reached through a share link, a newsletter or a
 * feed must map to one string. Lower-cases scheme and host, drops the fragment, the default port
 * and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and kin), keeps the other
 * parameters in their order.
 */
public final class CanonicalUrl {

  private static final Pattern TRACKING =
      Pattern.compile(
          "(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|ref_src|cmpid|ocid)$");

  private CanonicalUrl() {}

  /** The canonical form, or null when {@code url} is null or not an absolute http(s) URL. */
  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (port == 80 && scheme.equalsIgnoreCase("http"))
              || (port == 443 && scheme.equalsIgnoreCase("https"));
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      StringBuilder out =
          new StringBuilder()
              .append(scheme.toLowerCase(Locale.ROOT))
              .append("://")
              .append(uri.getHost().toLowerCase(Locale.ROOT));
      if (!defaultPort) {
        out.append(':').append(port);
      }
      out.append(path);
      String query = uri.getRawQuery();
      if (query != null) {
        StringJoiner kept = new StringJoiner("&");
        for (String param : query.split("&")) {
          String name = param.split("=", 2)[0];
          if (!param.isEmpty() && !TRACKING.matcher(name).matches()) {
            kept.add(param);
          }
        }
        if (kept.length() > 0) {
          out.append('?').append(kept);
        }
      }
      return out.toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
