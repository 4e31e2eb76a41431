package dev.gazette.assets;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * Decides which addresses a remote image may be fetched from. Checked for the first request and
 * for every redirect, against all addresses the host name resolves to.
 */
@FunctionalInterface
public interface FetchPolicy {
  /** Throws with a reason when {@code uri}, resolved to {@code addresses}, must not be fetched. */
  void check(URI uri, List<InetAddress> addresses) throws ImageException;

  /** The safe default: public internet addresses only (no loopback, private, link-local or multicast). */
  static FetchPolicy publicOnly() {
    return (uri, addresses) -> {
      for (InetAddress a : addresses) {
        if (isPrivate(a)) {
          throw new ImageException("host " + uri.getHost() + " is a private or local address ("
              + a.getHostAddress() + "); not fetched");
        }
      }
    };
  }

  /** Any address, including this machine and the local network (tests, intranets). */
  static FetchPolicy anyAddress() {
    return (uri, addresses) -> { };
  }

  private static boolean isPrivate(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }
    return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // carrier-grade NAT 100.64.0.0/10
  }
}
