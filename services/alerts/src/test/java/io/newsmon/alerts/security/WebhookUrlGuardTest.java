package io.newsmon.alerts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlGuardTest {

  /** A resolver with fixed answers: the test never depends on DNS. */
  private static final Map<String, String> DNS =
      Map.of(
          "hooks.example.org", "93.184.216.34",
          "rebind.example.org", "10.1.2.3",
          "v6.example.org", "2606:4700::6810:84e5");

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String ip = DNS.get(host);
    if (ip == null) {
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(ip)};
  }

  private final WebhookUrlGuard guard =
      new WebhookUrlGuard(List.of(), WebhookUrlGuardTest::resolve);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.org/newsmon",
        "http://hooks.example.org:8080/x",
        "https://v6.example.org/x",
        "https://93.184.216.34/x",
        "https://not-yet-registered.example/x"
      })
  void publicUrlsPass(String url) {
    assertThat(guard.refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1:9000/hook        | loopback",
        "http://[::1]/hook                 | loopback",
        "http://10.0.0.5/hook              | private",
        "http://192.168.1.1/hook           | private",
        "http://172.16.0.1/hook            | private",
        "http://169.254.169.254/latest     | link-local",
        "http://100.64.1.1/hook            | reserved or private",
        "http://[fd00:ec2::254]/latest     | reserved or private",
        "http://0.0.0.0/hook               | unspecified",
        "https://rebind.example.org/hook   | resolves to 10.1.2.3",
        "http://metadata.google.internal/x | metadata",
        "ftp://hooks.example.org/x         | http or https",
        "https://user:pw@hooks.example.org | credentials"
      })
  void internalOrOddUrlsAreRefusedWithTheReason(String url, String reason) {
    assertThat(guard.refusal(URI.create(url.strip()))).get().asString().contains(reason);
  }

  @Test
  void operatorsAllowlistHostsAddressesAndNetworks() {
    WebhookUrlGuard allowing =
        new WebhookUrlGuard(
            List.of("127.0.0.1", "10.0.0.0/8", "rebind.example.org"), WebhookUrlGuardTest::resolve);
    assertThat(allowing.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
    assertThat(allowing.refusal(URI.create("http://10.9.9.9/hook"))).isEmpty();
    assertThat(allowing.refusal(URI.create("https://rebind.example.org/hook"))).isEmpty();
    assertThat(allowing.refusal(URI.create("http://192.168.1.1/hook"))).isPresent();
  }
}
