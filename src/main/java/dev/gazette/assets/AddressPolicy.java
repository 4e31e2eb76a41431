package dev.gazette.assets;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which remote addresses a digest build may fetch from. By default only the public internet: not
 * this machine ({@code localhost}, 127/8, {@code [::1]}), not private networks (10/8, 172.16/12,
 * 192.168/16, fc00::/7, carrier-grade NAT 100.64/10), not link-local (169.254/16, fe80::/10),
 * multicast, reserved, documentation or benchmark ranges, and not the cloud metadata services
 * (169.254.169.254, 169.254.170.2, fd00:ec2::254, 100.100.100.200). IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by that address; Teredo is refused.
 *
 * <p>With {@code allowPrivateNetwork} (tests, intranets) loopback and private addresses are
 * allowed, but the metadata services never are. Apply it to every address a host name resolves to,
 * before the first request and again after every redirect. Stateless.
 */
public final class AddressPolicy {
  private static final Set<String> METADATA =
      Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

  private final boolean allowPrivateNetwork;

  private AddressPolicy(boolean allowPrivateNetwork) {
    this.allowPrivateNetwork = allowPrivateNetwork;
  }

  /** Public internet addresses only: the default. */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(false);
  }

  /** Loopback and private networks too (never the cloud metadata services). */
  public static AddressPolicy allowingPrivateNetwork() {
    return new AddressPolicy(true);
  }

  /**
   * Why {@code uri} must not be fetched when its host resolves to {@code addresses}, or empty when
   * it may be. Refuses schemes other than http and https and URLs without a host.
   */
  public Optional<String> refusal(URI uri, List<InetAddress> addresses) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("only http and https addresses are fetched, not '" + scheme + ":'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("no host in the address");
    }
    if (addresses.isEmpty()) {
      return Optional.of("host " + uri.getHost() + " has no address");
    }
    for (InetAddress a : addresses) {
      Optional<String> why = refusal(a);
      if (why.isPresent()) {
        return Optional.of(
            "host "
                + uri.getHost()
                + " is "
                + why.get()
                + " ("
                + a.getHostAddress()
                + "); not fetched"
                + (allowPrivateNetwork || why.get().contains("metadata")
                    ? ""
                    : " (--allow-private-network allows it)"));
      }
    }
    return Optional.empty();
  }

  /** Resolves the host of {@code uri} and applies {@link #refusal(URI, List)}. */
  public Optional<String> resolveAndCheck(URI uri) {
    if (uri.getHost() == null) {
      return refusal(uri, List.of());
    }
    try {
      return refusal(uri, List.of(InetAddress.getAllByName(uri.getHost())));
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + uri.getHost());
    }
  }

  /** What kind of non-public address {@code a} is, or empty when this policy lets it through. */
  public Optional<String> refusal(InetAddress a) {
    if (METADATA.contains(a.getHostAddress())
        || METADATA.contains(embeddedIpv4(a).map(InetAddress::getHostAddress).orElse(""))) {
      return Optional.of("a cloud metadata service");
    }
    Optional<String> kind = nonPublicKind(a);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    boolean localOrPrivate =
        kind.get().equals("this machine") || kind.get().equals("a private network address");
    return allowPrivateNetwork && localOrPrivate ? Optional.empty() : kind;
  }

  /** Why an address is not on the public internet, or empty when it is. */
  static Optional<String> nonPublicKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return Optional.of("this machine");
    }
    if (a.isAnyLocalAddress()) {
      return Optional.of("the unspecified address");
    }
    if (a.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (a.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    if (a.isSiteLocalAddress()) {
      return Optional.of("a private network address");
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return ipv4Kind(b);
    }
    if (a instanceof Inet6Address) {
      Optional<InetAddress> v4 = embeddedIpv4(a);
      if (v4.isPresent()) {
        return nonPublicKind(v4.get());
      }
      int first = b[0] & 0xFF;
      if ((first & 0xFE) == 0xFC) {
        return Optional.of("a private network address"); // unique local fc00::/7
      }
      if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
        return Optional.of("a Teredo tunnel address");
      }
      if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8) {
        return Optional.of("a documentation address");
      }
      if (b[0] == 0x01 && b[1] == 0x00 && allZero(b, 2, 8)) {
        return Optional.of("a discard address");
      }
      if (b[0] == 0x00
          && b[1] == 0x64
          && (b[2] & 0xFF) == 0xff
          && (b[3] & 0xFF) == 0x9b
          && b[4] == 0
          && b[5] == 0x01) {
        return Optional.of("a local NAT64 address");
      }
      if ((first & 0xE0) != 0x20) {
        return Optional.of("a reserved address"); // outside 2000::/3, the global unicast space
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ipv4Kind(byte[] b) {
    int o1 = b[0] & 0xFF;
    int o2 = b[1] & 0xFF;
    int o3 = b[2] & 0xFF;
    if (o1 == 0) {
      return Optional.of("the unspecified address");
    }
    if (o1 == 10 || (o1 == 172 && (o2 & 0xF0) == 16) || (o1 == 192 && o2 == 168)) {
      return Optional.of("a private network address");
    }
    if (o1 == 100 && (o2 & 0xC0) == 64) {
      return Optional.of("a private network address"); // carrier-grade NAT 100.64/10
    }
    if (o1 == 192 && o2 == 0 && o3 == 0) {
      return Optional.of("a reserved address"); // IETF protocol assignments
    }
    if ((o1 == 192 && o2 == 0 && o3 == 2)
        || (o1 == 198 && o2 == 51 && o3 == 100)
        || (o1 == 203 && o2 == 0 && o3 == 113)) {
      return Optional.of("a documentation address");
    }
    if (o1 == 198 && (o2 & 0xFE) == 18) {
      return Optional.of("a benchmarking address");
    }
    if (o1 == 192 && o2 == 88 && o3 == 99) {
      return Optional.of("a reserved address"); // former 6to4 relay anycast
    }
    if (o1 >= 240) {
      return Optional.of("a reserved address"); // 240/4 and the broadcast address
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 address.
   */
  static Optional<InetAddress> embeddedIpv4(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = a.getAddress();
    byte[] v4 = null;
    boolean mapped = allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
    boolean nat64 =
        b[0] == 0x00
            && b[1] == 0x64
            && (b[2] & 0xFF) == 0xff
            && (b[3] & 0xFF) == 0x9b
            && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      v4 = new byte[] {b[12], b[13], b[14], b[15]};
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      v4 = new byte[] {b[2], b[3], b[4], b[5]}; // 6to4 2002::/16
    }
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
