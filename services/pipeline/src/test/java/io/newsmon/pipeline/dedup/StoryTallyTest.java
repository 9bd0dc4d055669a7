package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryTallyTest {

  @Test
  void countsCopiesAndDistinctOutlets() {
    StoryTally tally =
        StoryTally.first("Title", "reuters.com").add("apnews.com").add("reuters.com");
    assertThat(tally.copies()).isEqualTo(3);
    assertThat(tally.outlets()).containsExactly("reuters.com", "apnews.com");
  }

  @Test
  void outletIsTheSiteHostElseTheSource() {
    assertThat(StoryTally.outletOf("https://www.BBC.com/news/1", null, "feed-1"))
        .isEqualTo("bbc.com");
    assertThat(StoryTally.outletOf(null, "http://news.example.org/a", "feed-1"))
        .isEqualTo("news.example.org");
    assertThat(StoryTally.outletOf(null, null, "file")).isEqualTo("file");
    assertThat(StoryTally.outletOf("not a url", null, "file")).isEqualTo("file");
  }

  @Test
  void roundTripsThroughBytesAndStaysBounded() {
    StoryTally tally = StoryTally.first("T\u00edtulo", "a.example");
    for (int i = 0; i < StoryTally.MAX_OUTLETS + 10; i++) {
      tally = tally.add("outlet-" + i + ".example");
    }
    StoryTally back = StoryTally.fromBytes(tally.toBytes());
    assertThat(back).isEqualTo(tally);
    assertThat(back.outlets()).hasSize(StoryTally.MAX_OUTLETS);
    assertThat(back.copies()).isEqualTo(StoryTally.MAX_OUTLETS + 11);
  }
}
