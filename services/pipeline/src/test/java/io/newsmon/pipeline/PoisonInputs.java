package io.newsmon.pipeline;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupDecision;
import io.newsmon.avro.DedupMethod;
import io.newsmon.avro.DedupStatus;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FeedEntryMetadata;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.schema.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * The poison-input table shared by {@code PoisonInputTest} (topology test driver) and {@code
 * PoisonInputIT} (real broker, exactly-once): every kind of bad record a producer (or a bug in
 * another service) could write to a topic the pipeline reads, as the bytes it would write, with the
 * dead-letter reason and stage the pipeline must give it. Also the good articles to interleave, and
 * the odd-but-good records that must flow on with their absurd metadata dropped.
 */
final class PoisonInputs {

  /**
   * One bad record.
   *
   * @param name what it is, for test names and keys
   * @param topic where it is written
   * @param key the record key as bytes, or null
   * @param value the record value as bytes, or null (a tombstone)
   * @param reason the {@code newsmon.error.reason} it must be dead-lettered with
   * @param stage the {@code newsmon.error.stage} (processor) that must refuse it
   */
  record PoisonInput(
      String name, TopicSpec topic, byte[] key, byte[] value, String reason, String stage) {
    @Override
    public String toString() {
      return name + " on " + topic.name() + " -> " + reason + " @ " + stage;
    }
  }

  /**
   * A record that is odd but an article: it must come out flagged, as {@code articleId}.
   *
   * @param check what must hold of the flagged article
   */
  record OddButGood(
      String name,
      byte[] key,
      byte[] value,
      String articleId,
      java.util.function.Consumer<FlaggedArticle> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String UNDECODABLE_RECORD = DeadLetterHandlers.UNDECODABLE_RECORD;

  /** A stand-in for every producer's clock: inside the range the cleaner believes. */
  static final Instant INGESTED = Instant.parse("2026-11-30T10:00:00Z");

  private static final AvroSerde<RawArticle> RAW = AvroSerde.of(RawArticle.class);
  private static final AvroSerde<CleanArticle> CLEAN = AvroSerde.of(CleanArticle.class);
  private static final AvroSerde<DedupedArticle> DEDUPED = AvroSerde.of(DedupedArticle.class);
  private static final AvroSerde<FlaggedArticle> FLAGGED = AvroSerde.of(FlaggedArticle.class);

  /** Distinct stories, each matching a starter topic: what must flow between the bad records. */
  static final List<String> GOOD_STORIES =
      List.of(
          "Thousands of Indian troops gathered near the border with Pakistan on Monday as tensions"
              + " rose between the two neighbours, officials said, after a week of artillery"
              + " exchanges across the frontier that forced villagers to flee their homes.",
          "Tens of thousands of protesters took to the streets of Belgrade on Saturday, marching on"
              + " parliament to demand the resignation of the government, and riot police fired"
              + " tear gas at demonstrators outside the building late in the evening, witnesses"
              + " said.",
          "A powerful earthquake struck southern Turkey before dawn on Tuesday, collapsing hundreds"
              + " of buildings and killing at least 120 people, as rescue teams dug through the"
              + " rubble and thousands of families were evacuated to emergency shelters in the"
              + " cold.",
          "Police in Paris arrested three men suspected of plotting a terror attack on a Christmas"
              + " market, prosecutors said on Thursday, adding that the suspects had pledged"
              + " allegiance to Islamic State and had tried to buy weapons and explosives online.",
          "Hackers crippled the computer systems of a large Danish hospital group in a ransomware"
              + " attack on Wednesday, forcing staff to postpone operations and divert ambulances,"
              + " while national cyber security officials investigated whether a criminal gang was"
              + " behind the breach.",
          "Ukrainian and Russian forces exchanged heavy artillery fire along the front line near"
              + " Bakhmut overnight, and at least a dozen soldiers were killed in the fighting,"
              + " the military said on Friday, as drone strikes hit fuel depots far behind the"
              + " lines.",
          // The odd-but-good articles' own stories (the interleaved tests use the six above).
          "The European Union agreed a new package of economic sanctions against Iran on Monday,"
              + " freezing the assets of dozens of officials and banning exports of drone parts,"
              + " after foreign ministers meeting in Brussels accused Tehran of supplying weapons.",
          "Voters in Chile rejected a proposed new constitution in a referendum on Sunday, with"
              + " turnout above eighty percent after voting was made compulsory, and the president"
              + " promised to start the process again with a fresh electoral campaign next year.",
          "The foreign ministers of Japan and South Korea met in Tokyo on Wednesday for the first"
              + " bilateral talks in five years, and their ambassadors said a summit between the"
              + " two leaders could follow before the end of the summer if the negotiations go"
              + " well.");

  /** How many of GOOD_STORIES the interleaved tests use: the rest belong to the odd ones. */
  static final int INTERLEAVED_STORIES = 6;

  private PoisonInputs() {}

  /** The good article {@code id} telling story {@code story} (an index into GOOD_STORIES). */
  static RawArticle good(String id, int story) {
    return RawArticle.newBuilder()
        .setArticleId(id)
        .setSourceId("poison-suite")
        .setUrl("https://news.example/" + id)
        .setContentType("text/plain")
        .setPayload(bytes(GOOD_STORIES.get(story % GOOD_STORIES.size())))
        .setIngestedAt(INGESTED)
        .setTraceId("trace-" + id)
        .build();
  }

  static byte[] encode(RawArticle article) {
    return RAW.serialize(TopicCatalog.NEWS_RAW.name(), article);
  }

  static byte[] key(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  /** Every bad record, in the order the interleaved tests write them. */
  static List<PoisonInput> all() {
    List<PoisonInput> all = new ArrayList<>();
    all.addAll(raw());
    all.addAll(clean());
    all.addAll(unique());
    all.addAll(flagged());
    return all;
  }

  /** Bad records on {@code news.raw}, where producers write. */
  static List<PoisonInput> raw() {
    TopicSpec topic = TopicCatalog.NEWS_RAW;
    String source = "raw-source";
    String clean = "clean";
    byte[] valid = encode(payload("valid", GOOD_STORIES.get(0), "text/plain"));
    List<PoisonInput> cases = new ArrayList<>();
    cases.add(undecodable("raw-not-avro", topic, source, bytesOf("<html>not avro</html>")));
    cases.add(
        undecodable("raw-truncated-avro", topic, source, Arrays.copyOf(valid, valid.length / 2)));
    cases.add(undecodable("raw-empty-value", topic, source, new byte[0]));
    cases.add(
        new PoisonInput(
            "raw-tombstone", topic, key("raw-tombstone"), null, reason("EMPTY"), clean));
    cases.add(
        undecodable(
            "raw-clean-article-schema",
            topic,
            source,
            CLEAN.serialize(topic.name(), cleanArticle("raw-clean-article-schema"))));
    cases.add(
        undecodable(
            "raw-flagged-article-schema",
            topic,
            source,
            FLAGGED.serialize(topic.name(), flaggedArticle("raw-flagged-article-schema"))));
    cases.add(
        undecodable(
            "raw-future-schema-version",
            topic,
            source,
            futureRawArticle("raw-future-schema-version")));
    byte[] unknownFingerprint = valid.clone();
    Arrays.fill(unknownFingerprint, 2, 10, (byte) 0x5A);
    cases.add(undecodable("raw-unknown-schema-id", topic, source, unknownFingerprint));
    byte[] badMagic = valid.clone();
    badMagic[1] = 0x7F;
    cases.add(undecodable("raw-bad-header-magic", topic, source, badMagic));
    cases.add(article("raw-empty-payload", new byte[0], "text/plain", null, "EMPTY"));
    cases.add(
        article(
            "raw-whitespace-payload", bytesOf(" \n\t \r\n  \n"), "text/plain", null, "NO_TEXT"));
    cases.add(
        article(
            "raw-latin1-declared-utf8",
            ("Caf\u00e9 " + GOOD_STORIES.get(1)).getBytes(StandardCharsets.ISO_8859_1),
            "text/plain",
            "UTF-8",
            "UNDECODABLE"));
    cases.add(
        article(
            "raw-unknown-charset",
            bytesOf(GOOD_STORIES.get(1)),
            "text/plain",
            "x-no-such-charset",
            "UNDECODABLE"));
    cases.add(
        article(
            "raw-utf16-without-bom",
            GOOD_STORIES.get(2).getBytes(StandardCharsets.UTF_16LE),
            "text/plain",
            null,
            "BINARY"));
    cases.add(article("raw-zip", zip(), "application/octet-stream", null, "BINARY"));
    cases.add(
        article(
            "raw-png",
            new byte[] {
              (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
            },
            "text/plain",
            null,
            "BINARY"));
    cases.add(article("raw-pdf", pdf(), "text/plain", null, "BINARY"));
    byte[] huge = new byte[6 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'x');
    cases.add(article("raw-huge-payload", huge, "text/plain", null, "TOO_LARGE"));
    // 2 MiB of text in one line: under the payload limit, but no record of news.clean holds it.
    cases.add(
        article(
            "raw-enormous-single-line",
            bytesOf(GOOD_STORIES.get(0).repeat(2 * 1024 * 1024 / GOOD_STORIES.get(0).length())),
            "text/plain",
            null,
            "TOO_LARGE"));
    cases.add(
        article(
            "raw-html-without-text",
            bytesOf(
                "<html><head><title>Home</title><script>var a = 1;</script></head><body><nav><a"
                    + " href=\"/\">Home</a> <a href=\"/news\">News</a></nav><footer>\u00a9"
                    + " 2026</footer></body></html>"),
            "text/html",
            null,
            "NO_TEXT"));
    cases.add(
        article(
            "raw-unknown-content-type",
            bytesOf(GOOD_STORIES.get(3)),
            "application/x-shockwave-flash",
            null,
            "UNSUPPORTED_CONTENT_TYPE"));
    cases.add(
        article(
            "raw-image-content-type",
            bytesOf(GOOD_STORIES.get(3)),
            "image/jpeg",
            null,
            "UNSUPPORTED_CONTENT_TYPE"));
    cases.add(
        article(
            "raw-json-not-an-object",
            bytesOf("[1, 2, 3]"),
            "application/json",
            null,
            "UNDECODABLE"));
    return cases;
  }

  /** Bad records on {@code news.clean}: the pipeline's own topic, but anyone could write to it. */
  static List<PoisonInput> clean() {
    TopicSpec topic = TopicCatalog.NEWS_CLEAN;
    String source = "clean-source";
    byte[] valid = CLEAN.serialize(topic.name(), cleanArticle("clean-valid"));
    return List.of(
        undecodable("clean-not-avro", topic, source, bytesOf("{\"not\": \"avro\"}")),
        undecodable("clean-truncated-avro", topic, source, Arrays.copyOf(valid, valid.length - 7)),
        undecodable("clean-empty-value", topic, source, new byte[0]),
        new PoisonInput(
            "clean-tombstone", topic, key("clean-tombstone"), null, reason("EMPTY"), "dedup"),
        undecodable(
            "clean-raw-article-schema",
            topic,
            source,
            encode(payload("clean-raw-article-schema", GOOD_STORIES.get(0), "text/plain"))));
  }

  /** Bad records on {@code news.unique}, read by the flag stage. */
  static List<PoisonInput> unique() {
    TopicSpec topic = TopicCatalog.NEWS_UNIQUE;
    String source = "unique-source";
    return List.of(
        undecodable("unique-not-avro", topic, source, bytesOf("\u0000\u0001garbage")),
        undecodable("unique-empty-value", topic, source, new byte[0]),
        new PoisonInput(
            "unique-tombstone", topic, key("unique-tombstone"), null, reason("EMPTY"), "flag"),
        undecodable(
            "unique-flagged-article-schema",
            topic,
            source,
            FLAGGED.serialize(topic.name(), flaggedArticle("unique-flagged-article-schema"))));
  }

  /** Bad records on {@code news.flagged}, read by the topic-volume sub-topology. */
  static List<PoisonInput> flagged() {
    TopicSpec topic = TopicCatalog.NEWS_FLAGGED;
    String source = "flagged-source";
    return List.of(
        undecodable("flagged-not-avro", topic, source, bytesOf("not a flagged article")),
        new PoisonInput(
            "flagged-tombstone",
            topic,
            key("flagged-tombstone"),
            null,
            reason("EMPTY"),
            "flags-by-topic"),
        undecodable(
            "flagged-deduped-article-schema",
            topic,
            source,
            DEDUPED.serialize(topic.name(), dedupedArticle("flagged-deduped-article-schema"))));
  }

  /**
   * Records that are odd but carry an article: no key, absurd metadata, one enormous line. They
   * must come out flagged; absurd metadata is dropped rather than passed on.
   */
  static List<OddButGood> oddButGood() {
    List<OddButGood> cases = new ArrayList<>();
    cases.add(
        new OddButGood(
            "raw-null-key", null, encode(good("raw-null-key", 6)), "raw-null-key", flagged -> {}));
    RawArticle absurd =
        RawArticle.newBuilder(good("raw-absurd-metadata", 7))
            .setUrl("javascript:alert(document.cookie)")
            .setFetchedAt(Instant.parse("9999-12-31T23:59:59Z"))
            .setFeedEntry(
                FeedEntryMetadata.newBuilder()
                    .setTitle("Chile votes no")
                    .setAuthor(" ")
                    .setPublishedAt(Instant.parse("9999-12-31T00:00:00Z"))
                    .build())
            .build();
    cases.add(
        new OddButGood(
            "raw-absurd-metadata",
            key("raw-absurd-metadata"),
            encode(absurd),
            "raw-absurd-metadata",
            flagged -> {
              CleanArticle article = flagged.getArticle();
              if (article.getUrl() != null
                  || article.getCanonicalUrl() != null
                  || article.getPublishedAt() != null
                  || article.getAuthor() != null) {
                throw new AssertionError("absurd metadata passed on: " + article);
              }
            }));
    // 200 KiB in one line: prose repeated without a line break, as a broken scraper writes it.
    // No headline either, so the first paragraph (all of it) would be one.
    String line = GOOD_STORIES.get(8).repeat(200 * 1024 / GOOD_STORIES.get(8).length());
    cases.add(
        new OddButGood(
            "raw-long-single-line",
            key("raw-long-single-line"),
            encode(payload("raw-long-single-line", line, "text/plain")),
            "raw-long-single-line",
            flagged -> {
              if (flagged.getArticle().getTitle().length() > 1001) {
                throw new AssertionError("a 200 KiB headline");
              }
            }));
    return cases;
  }

  // ---- builders ---------------------------------------------------------------------------------

  private static PoisonInput undecodable(String name, TopicSpec topic, String stage, byte[] value) {
    return new PoisonInput(name, topic, key(name), value, UNDECODABLE_RECORD, stage);
  }

  private static PoisonInput article(
      String name, byte[] payload, String contentType, String charset, String reason) {
    RawArticle raw =
        RawArticle.newBuilder(good(name, 0))
            .setPayload(ByteBuffer.wrap(payload))
            .setContentType(contentType)
            .setCharset(charset)
            .build();
    return new PoisonInput(
        name, TopicCatalog.NEWS_RAW, key(name), encode(raw), reason(reason), "clean");
  }

  private static String reason(String rejected) {
    return io.newsmon.pipeline.clean.RejectedArticleException.Reason.valueOf(rejected)
        .name()
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static RawArticle payload(String id, String text, String contentType) {
    return RawArticle.newBuilder(good(id, 0))
        .setPayload(bytes(text))
        .setContentType(contentType)
        .build();
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytesOf(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static CleanArticle cleanArticle(String id) {
    String text = GOOD_STORIES.get(2);
    return CleanArticle.newBuilder()
        .setArticleId(id)
        .setSourceId("poison-suite")
        .setUrl(null)
        .setCanonicalUrl(null)
        .setTitle("A powerful earthquake")
        .setText(text)
        .setLanguage("en")
        .setWordCount(text.split(" ").length)
        .setContentHash("0")
        .setIngestedAt(INGESTED)
        .setCleanedAt(INGESTED)
        .setTraceId("trace-" + id)
        .build();
  }

  static DedupedArticle dedupedArticle(String id) {
    return DedupedArticle.newBuilder()
        .setArticle(cleanArticle(id))
        .setDecision(
            DedupDecision.newBuilder()
                .setStatus(DedupStatus.UNIQUE)
                .setMethod(DedupMethod.FIRST_SEEN)
                .setClusterId(id)
                .setSimilarity(0)
                .build())
        .build();
  }

  static FlaggedArticle flaggedArticle(String id) {
    return FlaggedArticle.newBuilder()
        .setArticle(cleanArticle(id))
        .setClusterId(id)
        .setFlags(List.of())
        .setFlaggedAt(INGESTED)
        .setCountries(List.of())
        .setPlaces(List.of())
        .build();
  }

  /**
   * A RawArticle as a newer release would write it: the current schema plus a field this build does
   * not know, so its fingerprint is not one this build can resolve.
   */
  private static byte[] futureRawArticle(String id) {
    Schema current = RawArticle.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field(
            "priority", Schema.create(Schema.Type.INT), "added in a future release", 0));
    Schema future =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    GenericRecord record = new GenericData.Record(future);
    RawArticle article = payload(id, GOOD_STORIES.get(0), "text/plain");
    for (Schema.Field f : current.getFields()) {
      Object value = article.get(f.pos());
      if (value instanceof Instant instant) {
        value = instant.toEpochMilli();
      } else if (value instanceof CharSequence text) {
        value = text.toString();
      }
      record.put(f.name(), value);
    }
    record.put("priority", 1);
    try {
      ByteBuffer buffer =
          new BinaryMessageEncoder<GenericRecord>(GenericData.get(), future).encode(record);
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("article.txt"));
      zip.write(bytesOf(GOOD_STORIES.get(0)));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        bytesOf(
            "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 64 /Filter /FlateDecode >>\nstream\n"));
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(bytesOf(GOOD_STORIES.get(0)));
    deflater.finish();
    byte[] deflated = new byte[512];
    out.write(deflated, 0, deflater.deflate(deflated));
    // An embedded image stream: real PDFs are full of such runs of zero bytes.
    out.writeBytes(new byte[16]);
    out.writeBytes(bytesOf("\nendstream\nendobj\n%%EOF\n"));
    return out.toByteArray();
  }
}
