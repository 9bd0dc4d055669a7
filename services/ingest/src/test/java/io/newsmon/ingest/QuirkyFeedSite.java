package io.newsmon.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A news site on a local HTTP server with the feeds real sites serve: RSS 2.0 with CDATA, relative
 * links, a missing date and a repeated GUID; RSS 1.0 (RDF); Atom behind a redirect and gzip; and
 * the ways feeds break (HTML served as a feed, broken XML, 500). Article pages come in UTF-8 and,
 * declared only in the page, windows-1251; one is missing (404) and one is forbidden by robots.txt.
 *
 * <p>{@link #publishMore()} adds an item to the RSS 2.0 feed, as a site does between polls.
 */
public final class QuirkyFeedSite implements AutoCloseable {

  /** Articles the site's feeds link to that exist, are allowed, and so must be published once. */
  public static final List<String> ARTICLES =
      List.of("/articles/a1.html", "/articles/a2.html", "/articles/r1.html", "/articles/t1.html");

  public static final String LATER_ARTICLE = "/articles/a3.html";

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean more;

  public QuirkyFeedSite() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public void publishMore() {
    more = true;
  }

  /** Paths requested so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(path);
    switch (path) {
      case "/robots.txt" ->
          respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      case "/rss2.xml" -> respond(exchange, 200, "application/rss+xml", rss2());
      case "/rdf.xml" ->
          respond(exchange, 200, "application/rdf+xml", RDF.replace("{site}", url("").toString()));
      case "/old-atom" -> {
        exchange.getResponseHeaders().add("Location", "/atom.xml");
        exchange.sendResponseHeaders(301, -1);
        exchange.close();
      }
      case "/atom.xml" -> {
        byte[] atom = ATOM.getBytes(StandardCharsets.UTF_8);
        String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepts != null && accepts.contains("gzip")) {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(atom);
          }
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          atom = zipped.toByteArray();
        }
        respond(exchange, 200, "application/atom+xml", atom);
      }
      case "/html-as-feed.xml" ->
          respond(exchange, 200, "text/html", "<!doctype html><html><body>Our feeds moved</body>");
      case "/broken.xml" ->
          respond(exchange, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><item>");
      case "/error.xml" -> respond(exchange, 500, "text/plain", "down for maintenance");
      case "/articles/r1.html" ->
          respond(
              exchange,
              200,
              "text/html",
              page("Войска у границы", "Войска стянуты к границе.", "windows-1251")
                  .getBytes(Charset.forName("windows-1251")));
      default -> {
        if (path.startsWith("/articles/") && !path.equals("/articles/missing.html")) {
          String name = path.substring("/articles/".length(), path.length() - ".html".length());
          respond(
              exchange,
              200,
              "text/html; charset=utf-8",
              page("Article " + name, "Troops massed near the border in article " + name, "utf-8"));
        } else {
          respond(exchange, 404, "text/plain", "not found");
        }
      }
    }
  }

  private String rss2() {
    String later =
        more
            ? "<item><title>Later</title><link>"
                + LATER_ARTICLE
                + "</link><guid>a-3</guid><pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate></item>"
            : "";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Quirky</title><link>/</link>
        %s
        <item><title><![CDATA[Troops & <b>tanks</b>]]></title><link>/articles/a1.html</link>
          <guid isPermaLink="false">a-1</guid>
          <description><![CDATA[<p>Build-up at the border</p>]]></description>
          <pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate></item>
        <item><title>No date</title><link>/articles/a2.html</link><guid>a-2</guid></item>
        <item><title>Repeated guid</title><link>/articles/a1.html</link>
          <guid isPermaLink="false">a-1</guid></item>
        <item><title>Members only</title><link>/private/p1.html</link><guid>p-1</guid></item>
        <item><title>Gone</title><link>/articles/missing.html</link><guid>m-1</guid></item>
        </channel></rss>
        """
        .formatted(later);
  }

  private static final String RDF =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="{site}/"><title>RDF</title><link>{site}/</link>
          <description>d</description>
          <items><rdf:Seq><rdf:li resource="{site}/articles/r1.html"/></rdf:Seq></items></channel>
        <item rdf:about="{site}/articles/r1.html"><title>R1</title>
          <link>{site}/articles/r1.html</link></item>
      </rdf:RDF>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:atom</id>
        <updated>2026-11-29T10:00:00Z</updated>
        <entry><title>T1</title><id>urn:t1</id><link href="/articles/t1.html"/>
          <updated>2026-11-29T10:00:00Z</updated></entry>
      </feed>
      """;

  private static String page(String title, String text, String charset) {
    return "<!doctype html><html><head><meta charset=\""
        + charset
        + "\"><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p></article></body></html>";
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
