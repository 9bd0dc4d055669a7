package io.newsmon.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two shipped copies of the canonical Moscow Times article (deploy/demo/seeds). */
public final class SeedArticles {

  public static final String SCRAPED = "000_0089d118242a6352.txt";
  public static final String MARKDOWN = "001_69cd93adf557b6b8.txt";

  private SeedArticles() {}

  public static Path dir() {
    return Path.of(System.getProperty("newsmon.home", "../..")).resolve("deploy/demo/seeds");
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
