package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.pipeline.SeedArticles;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final String OTHER_STORY =
      """
      Heavy rain flooded dozens of villages in the north of the country on Sunday, forcing thousands
      of residents to leave their homes, the emergency ministry said. Rescue teams used boats to reach
      families trapped on rooftops, and the army sent helicopters to drop food and water. Officials said
      the river had risen more than four metres in a day, the highest level recorded in forty years.
      Schools in the region will remain closed until the water recedes, the regional governor said.""";
  private static final String SAME_EVENT_OTHER_WRITER =
      """
      Thousands of people were evacuated after the river burst its banks in the north on Sunday.
      According to the regional governor, schools are closed while helicopters deliver supplies and
      volunteers in small boats help stranded residents; water levels were described as a forty-year record,
      and meteorologists expect more rain over the coming days across the whole northern region.""";

  private final Deduplicator dedup = new Deduplicator(new InMemoryDedupIndex(), 0.8);

  @Test
  void seedPairIsOneStory() {
    CleanedDocument scraped = clean(SeedArticles.SCRAPED);
    CleanedDocument markdown = clean(SeedArticles.MARKDOWN);

    Decision first = dedup.decide("a1", scraped.canonicalUrl(), scraped.text(), 1);
    Decision second = dedup.decide("a2", markdown.canonicalUrl(), markdown.text(), 2);

    assertThat(first).isEqualTo(Decision.firstSeen("a1"));
    assertThat(second.method()).isEqualTo(Decision.Method.NEAR_DUPLICATE);
    assertThat(second.duplicateOf()).isEqualTo("a1");
    assertThat(second.clusterId()).isEqualTo("a1");
    assertThat(second.similarity()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void differentArticleAboutTheSameEventIsNotADuplicate() {
    dedup.decide("flood-1", null, OTHER_STORY, 1);
    Decision other = dedup.decide("flood-2", null, SAME_EVENT_OTHER_WRITER, 2);
    assertThat(other.isDuplicate()).isFalse();
    assertThat(other.clusterId()).isEqualTo("flood-2");
  }

  @Test
  void exactCopyWithOtherTypographyIsAnExactDuplicate() {
    dedup.decide("a", null, "He said \u201cno\u201d \u2014 twice. " + OTHER_STORY, 1);
    Decision copy =
        dedup.decide("b", null, "he said \"NO\" - twice. " + OTHER_STORY.toUpperCase(), 2);
    assertThat(copy.method()).isEqualTo(Decision.Method.EXACT_TEXT);
    assertThat(copy.similarity()).isEqualTo(1.0);
  }

  @Test
  void sameCanonicalUrlIsADuplicateEvenIfTheTextWasUpdated() {
    dedup.decide("a", "https://x.example/story", OTHER_STORY, 1);
    Decision updated = dedup.decide("b", "https://x.example/story", SAME_EVENT_OTHER_WRITER, 2);
    assertThat(updated.method()).isEqualTo(Decision.Method.CANONICAL_URL);
    assertThat(updated.duplicateOf()).isEqualTo("a");
  }

  @Test
  void theSameArticlePublishedTwiceIsACopyOfItself() {
    dedup.decide("a", null, OTHER_STORY, 1);
    Decision again = dedup.decide("a", null, OTHER_STORY, 5);
    assertThat(again.isDuplicate()).isTrue();
    assertThat(again.duplicateOf()).isEqualTo("a");
  }

  @Test
  void copiesOfACopyJoinTheOriginalCluster() {
    dedup.decide("orig", null, OTHER_STORY, 1);
    dedup.decide("copy", null, OTHER_STORY + " Reuters contributed reporting.", 2);
    Decision third =
        dedup.decide(
            "third", null, "Updated: " + OTHER_STORY + " Reuters contributed reporting.", 3);
    assertThat(third.clusterId()).isEqualTo("orig");
  }

  @Test
  void anUpdateThatAddsAParagraphIsTheSameStory() {
    Deduplicator strict = new Deduplicator(new InMemoryDedupIndex(), 0.9);
    strict.decide("a", null, OTHER_STORY, 1);
    Decision update =
        strict.decide(
            "b",
            null,
            OTHER_STORY
                + "\n\nUpdate: the ministry later said two people were missing and asked residents of"
                + " low-lying districts to stay on higher ground until Tuesday evening.",
            2);
    assertThat(update.method()).isEqualTo(Decision.Method.NEAR_DUPLICATE);
    assertThat(update.duplicateOf()).isEqualTo("a");
  }

  @Test
  void shortStoriesSharingALongQuoteAreDifferentStories() {
    String quote =
        "\"We will not accept any attempt to change the status quo by force, and we call on all"
            + " parties to exercise restraint and to return to the negotiating table,\" the ministry"
            + " spokesperson told reporters at the regular briefing in the capital.";
    dedup.decide(
        "a",
        null,
        "Beijing rejected the report on Monday. " + quote + " Talks are due to resume next week.",
        1);
    Decision other =
        dedup.decide(
            "b",
            null,
            "Manila summoned the ambassador after a coast guard incident. "
                + quote
                + " The navy said it would increase patrols.",
            2);
    assertThat(other.isDuplicate()).isFalse();
  }

  @Test
  void shortArticlesFromOneTemplateAreDifferentStories() {
    dedup.decide(
        "r1",
        null,
        "Final score: Rovers 3, United 1. Rovers scored twice in the second half"
            + " to win at home on Saturday in front of 12,000 fans. Next match: away at City.",
        1);
    Decision r2 =
        dedup.decide(
            "r2",
            null,
            "Final score: Albion 0, Town 2. Town scored twice in the first half"
                + " to win away on Saturday in front of 8,500 fans. Next match: at home to County.",
            2);
    assertThat(r2.isDuplicate()).isFalse();
  }

  @Test
  void containmentIsDerivedFromJaccardAndSizes() {
    // A (100 shingles) inside B (120): overlap 100, union 120, Jaccard 0.833.
    assertThat(Deduplicator.containment(100, 120, 100 / 120.0))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    // Two sets of 100 sharing 50: Jaccard 1/3, containment 0.5.
    assertThat(Deduplicator.containment(100, 100, 1 / 3.0))
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void expiredArticlesNoLongerMatch() {
    dedup.decide("old", "https://x.example/a", OTHER_STORY, 1_000);
    assertThat(dedup.expireBefore(2_000)).isEqualTo(1);
    Decision again = dedup.decide("new", "https://x.example/a", OTHER_STORY, 3_000);
    assertThat(again).isEqualTo(Decision.firstSeen("new"));
    assertThat(dedup.expireBefore(2_000)).as("nothing newer is forgotten").isZero();
    assertThat(dedup.decide("copy", null, OTHER_STORY, 4_000).duplicateOf()).isEqualTo("new");
  }

  private static CleanedDocument clean(String seed) {
    return new ArticleCleaner()
        .clean(new RawDocument(SeedArticles.bytes(seed), "text/plain", null, null));
  }
}
