package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops page in a real browser (Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver) against a launched stack: it connects, an article posted to the ingest service
 * appears in its live list once flagged, the summary panels fill, and a screenshot is saved to
 * {@code target/ops-page.png}.
 */
class OpsPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path work;

  @Test
  void aPublishedArticleAppearsOnTheOpsPage() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)");
    NewsmonHome home = new NewsmonHome(Path.of(System.getProperty("newsmon.home")));
    String apiKey = Keys.newKey();
    String adminKey = Keys.newKey();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Stack stack =
            Stack.start(
                home,
                Stack.Layout.under(work),
                new Stack.Settings(
                    null,
                    0,
                    0,
                    0,
                    "ops:" + Keys.sha256(apiKey),
                    "admin:" + Keys.sha256(adminKey),
                    null,
                    null,
                    "json"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Browser browser = new Browser()) {
      WebDriver driver = browser.driver;
      driver.get(stack.endpoints().alertsUrl().resolve("/ops/") + "#key=" + adminKey);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.textToBe(By.id("status"), "connected"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lags tbody tr")));

      IngestClient ingest = new IngestClient(stack.endpoints().ingestUrl(), apiKey);
      for (Path seed : Demo.seedFiles(home)) {
        ingest.submit(seed);
      }

      String title = "Ukraine Border Service Says No Sign of Russian Troops";
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), title));
      assertThat(driver.findElements(By.cssSelector("#live li[data-article-id]")))
          .as("the copy is suppressed: one article")
          .hasSize(1);
      assertThat(driver.findElement(By.cssSelector("#live li")).getText())
          .contains("border-tensions");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#volumes tr[data-topic='border-tensions'] svg")));
      assertThat(driver.findElement(By.id("lags")).getText()).contains("newsmon-pipeline");
      // The pipeline's own counters, scraped by the alert service: both seeds went through clean.
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#stages tr[data-stage='clean'] td:nth-child(4)"), "2"));
      assertThat(driver.getCurrentUrl())
          .as("the key leaves the address bar")
          .doesNotContain(adminKey);

      // Bad input: dead-lettered with its reason, shown on the page, and logged by the pipeline
      // as a JSON line carrying the trace id the ingest service answered with.
      Path binary = work.resolve("binary.txt");
      Files.write(binary, new byte[] {0, 1, 2, 'b', 'i', 'n'});
      String traceId = ingest.submit(binary).traceId();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), "binary"));
      Path pipelineLog = work.resolve("logs").resolve(Stack.PIPELINE + ".log");
      com.fasterxml.jackson.databind.JsonNode line =
          new WebDriverWait(driver, Duration.ofSeconds(30))
              .until(d -> deadLetterLine(pipelineLog, traceId));
      assertThat(line.path("log.level").asText()).isEqualTo("WARN");
      assertThat(line.path("message").asText()).contains("(binary)");

      Path screenshot = Path.of("target/ops-page.png");
      Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }

  /** The pipeline's JSON log line about dead-lettering the article traced {@code traceId}. */
  private static com.fasterxml.jackson.databind.JsonNode deadLetterLine(Path log, String traceId) {
    try {
      for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (text.startsWith("{") && text.contains(traceId)) {
          com.fasterxml.jackson.databind.JsonNode line =
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
          if (traceId.equals(line.path("traceId").asText())
              && line.path("message").asText().startsWith("dead-lettered")) {
            return line;
          }
        }
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Headless Chromium through the system's chromedriver: nothing downloaded at test time. */
  private static final class Browser implements AutoCloseable {
    final WebDriver driver;

    Browser() {
      ChromeOptions options =
          new ChromeOptions()
              .setBinary(CHROMIUM.toFile())
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--window-size=1400,1000");
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      this.driver = new ChromeDriver(service, options);
    }

    @Override
    public void close() {
      driver.quit();
    }
  }
}
