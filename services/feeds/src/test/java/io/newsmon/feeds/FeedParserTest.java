package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private static final URI FEED_URL = URI.create("https://news.example/world/rss.xml");

  private static ParsedFeed parsed(String document, String contentType) {
    FeedParser.Result result =
        FeedParser.parse(document.getBytes(StandardCharsets.UTF_8), FEED_URL, contentType);
    assertThat(result).isInstanceOf(FeedParser.Parsed.class);
    return ((FeedParser.Parsed) result).feed();
  }

  @Test
  void rss2WithRealWorldQuirks() {
    ParsedFeed feed =
        parsed(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>World news</title>
                <link>https://news.example/world/</link>
                <item>
                  <title><![CDATA[Troops massed near the border <b>again</b>]]></title>
                  <link>/world/2026/11/troops.html</link>
                  <guid isPermaLink="false">troops-2026-11-30</guid>
                  <pubDate>Mon, 30 Nov 2026 09:15:00 GMT</pubDate>
                  <description><![CDATA[<p>Satellite images show <em>armour</em>.</p>]]></description>
                  <category>Security</category>
                </item>
                <item>
                  <title>No date, no guid</title>
                  <link>https://news.example/world/2026/11/undated.html</link>
                </item>
                <item>
                  <title>Troops massed near the border (repeated by the CMS)</title>
                  <link>/world/2026/11/troops.html</link>
                  <guid isPermaLink="false">troops-2026-11-30</guid>
                </item>
              </channel>
            </rss>
            """,
            "application/rss+xml");

    assertThat(feed.kind()).isEqualTo("rss_2.0");
    assertThat(feed.title()).isEqualTo("World news");
    assertThat(feed.entries()).as("the repeated GUID counts once").hasSize(2);
    FeedEntry troops = feed.entries().get(0);
    assertThat(troops.entryId()).isEqualTo("troops-2026-11-30");
    assertThat(troops.title()).isEqualTo("Troops massed near the border <b>again</b>");
    assertThat(troops.link())
        .as("relative links resolve against the feed's site")
        .isEqualTo(URI.create("https://news.example/world/2026/11/troops.html"));
    assertThat(troops.publishedAt()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
    assertThat(troops.summary()).contains("Satellite images");
    assertThat(troops.categories()).containsExactly("Security");
    FeedEntry undated = feed.entries().get(1);
    assertThat(undated.publishedAt()).isNull();
    assertThat(undated.entryId())
        .as("without a GUID, the link is the id")
        .isEqualTo("https://news.example/world/2026/11/undated.html");
  }

  @Test
  void atomWithUpdatedDatesOnlyAndRelativeLinks() {
    ParsedFeed feed =
        parsed(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Border watch</title>
              <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
              <updated>2026-11-30T10:00:00Z</updated>
              <entry>
                <title>Incident at the crossing</title>
                <link rel="alternate" href="https://watch.example/incident"/>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                <updated>2026-11-30T09:30:00Z</updated>
                <summary>Guards exchanged fire.</summary>
                <author><name>A. Reporter</name></author>
              </entry>
            </feed>
            """,
            "application/atom+xml; charset=utf-8");

    assertThat(feed.kind()).isEqualTo("atom_1.0");
    FeedEntry entry = feed.entries().get(0);
    assertThat(entry.entryId()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    assertThat(entry.link()).isEqualTo(URI.create("https://watch.example/incident"));
    assertThat(entry.publishedAt())
        .as("updated stands in when there is no published date")
        .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    assertThat(entry.author()).isEqualTo("A. Reporter");
    assertThat(entry.summary()).isEqualTo("Guards exchanged fire.");
  }

  @Test
  void rss1Rdf() {
    ParsedFeed feed =
        parsed(
            """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example/">
                <title>RDF news</title>
                <link>https://rdf.example/</link>
                <description>An RSS 1.0 feed</description>
                <items><rdf:Seq><rdf:li resource="https://rdf.example/a"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://rdf.example/a">
                <title>A story</title>
                <link>https://rdf.example/a</link>
                <dc:date>2026-11-29T08:00:00Z</dc:date>
              </item>
            </rdf:RDF>
            """,
            "application/rdf+xml");

    assertThat(feed.kind()).isEqualTo("rss_1.0");
    assertThat(feed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.link()).isEqualTo(URI.create("https://rdf.example/a"));
              assertThat(e.publishedAt()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
            });
  }

  @Test
  void anHtmlPageBrokenXmlAndAnEmptyBodyAreRefusedWithAReason() {
    assertThat(
            FeedParser.parse(
                "<!DOCTYPE html><html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8),
                FEED_URL,
                "text/html"))
        .isEqualTo(new FeedParser.Unreadable("an HTML page, not a feed"));
    assertThat(
            FeedParser.parse(
                "<rss version=\"2.0\"><channel><item><title>cut off"
                    .getBytes(StandardCharsets.UTF_8),
                FEED_URL,
                "application/rss+xml"))
        .isInstanceOfSatisfying(
            FeedParser.Unreadable.class,
            u -> assertThat(u.reason()).startsWith("not a readable feed"));
    assertThat(FeedParser.parse(new byte[0], FEED_URL, null))
        .isEqualTo(new FeedParser.Unreadable("empty document"));
  }

  @Test
  void externalEntitiesAreNotResolved() {
    FeedParser.Result result =
        FeedParser.parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """
                .getBytes(StandardCharsets.UTF_8),
            FEED_URL,
            "application/rss+xml");
    assertThat(result).isInstanceOf(FeedParser.Unreadable.class);
  }
}
