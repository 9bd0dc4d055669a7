package io.newsmon.alerts.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses webhook URLs that would make the alert service reach into its own network (server-side
 * request forgery): a URL whose host is, or resolves to, a loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast or unspecified address, or a cloud metadata name, is
 * refused unless an operator allowlisted that host or network.
 *
 * <p>Checked when a subscription is saved and again before every delivery, so a name that later
 * resolves somewhere internal (DNS rebinding) is caught at send time. What remains: the HTTP client
 * resolves the name once more when it connects, a window of milliseconds; closing it needs a client
 * that connects to the checked address, which the JDK's does not offer.
 */
public final class WebhookUrlGuard {

  /** Resolves a host name to its addresses; replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final Set<String> METADATA_NAMES =
      Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data");

  private static final List<Network> INTERNAL =
      List.of(
          Network.parse("0.0.0.0/8"),
          Network.parse("100.64.0.0/10"), // carrier-grade NAT
          Network.parse("192.0.0.0/24"), // IETF protocol assignments
          Network.parse("198.18.0.0/15"), // benchmarking
          Network.parse("fc00::/7")); // unique local (AWS's IPv6 metadata is fd00:ec2::254)

  private final List<String> allowedHosts = new ArrayList<>();
  private final List<Network> allowedNetworks = new ArrayList<>();
  private final Resolver resolver;

  /**
   * @param allowlist host names ({@code hooks.internal}), addresses ({@code 127.0.0.1}) or networks
   *     ({@code 10.0.0.0/8}) an operator trusts
   */
  public WebhookUrlGuard(List<String> allowlist, Resolver resolver) {
    this.resolver = resolver;
    for (String entry : allowlist) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      if (e.contains("/") || e.contains(":") || e.matches("[0-9.]+")) {
        allowedNetworks.add(Network.parse(e)); // an address alone is a network of one
      } else {
        allowedHosts.add(e);
      }
    }
  }

  public static WebhookUrlGuard of(List<String> allowlist) {
    return new WebhookUrlGuard(allowlist, InetAddress::getAllByName);
  }

  /** Why {@code url} must not be called, or empty when it may. */
  public Optional<String> refusal(URI url) {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      return Optional.of("webhookUrl must be an absolute http or https URL");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("webhookUrl must use http or https, not " + scheme);
    }
    if (url.getUserInfo() != null) {
      return Optional.of("webhookUrl must not carry credentials; sign deliveries instead");
    }
    String host = url.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (allowedHosts.contains(host)) {
      return Optional.empty();
    }
    if (METADATA_NAMES.contains(host)) {
      return Optional.of(host + " is a cloud metadata service");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      // Nothing to reach yet; a delivery checks again, and an unknown name fails as any
      // unreachable endpoint does.
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
        continue;
      }
      String kind = internalKind(address);
      if (kind != null) {
        return Optional.of(
            "webhookUrl host "
                + host
                + " resolves to "
                + address.getHostAddress()
                + ", a "
                + kind
                + " address; an operator can allowlist it (NEWSMON_ALERTS_WEBHOOK_ALLOWLIST)");
      }
    }
    return Optional.empty();
  }

  /** The kind of internal address, or null for a public one. */
  static String internalKind(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local (cloud metadata lives here)";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (INTERNAL.stream().anyMatch(n -> n.contains(address))) {
      return "reserved or private";
    }
    return null;
  }

  /** An address range, IPv4 or IPv6. */
  record Network(byte[] base, int prefix) {

    static Network parse(String cidr) {
      String[] parts = cidr.split("/", 2);
      try {
        byte[] base = InetAddress.getByName(parts[0]).getAddress();
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
        if (prefix < 0 || prefix > base.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        return new Network(base, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an address or network: " + cidr, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != base.length) {
        return false; // IPv4 and IPv6 never contain each other
      }
      int hostBits = base.length * 8 - prefix;
      return new BigInteger(1, a)
          .shiftRight(hostBits)
          .equals(new BigInteger(1, base).shiftRight(hostBits));
    }
  }
}
