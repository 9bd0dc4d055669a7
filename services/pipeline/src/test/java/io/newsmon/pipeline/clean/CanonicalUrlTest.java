package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

  @Test
  void removesTrackingFragmentAndDefaultPort() {
    assertThat(
            CanonicalUrl.of("HTTPS://WWW.Example.com:443/News/a?utm_source=tw&id=3&fbclid=abc#top"))
        .isEqualTo("https://www.example.com/News/a?id=3");
    assertThat(CanonicalUrl.of("http://example.com")).isEqualTo("http://example.com/");
    assertThat(CanonicalUrl.of("http://example.com:8080/a?gclid=1"))
        .isEqualTo("http://example.com:8080/a");
  }

  @Test
  void refusesWhatIsNotAnAbsoluteWebUrl() {
    assertThat(CanonicalUrl.of(null)).isNull();
    assertThat(CanonicalUrl.of("/relative/path")).isNull();
    assertThat(CanonicalUrl.of("mailto:a@b.c")).isNull();
    assertThat(CanonicalUrl.of("http://bad host/")).isNull();
  }
}
