package dev.gazette.assets;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Decides which addresses a remote image may be fetched from. Checked for the first request and for
 * every redirect, against all addresses the host name resolves to. The rules themselves are {@link
 * AddressPolicy}'s.
 */
@FunctionalInterface
public interface FetchPolicy {
  /** Throws with a reason when {@code uri}, resolved to {@code addresses}, must not be fetched. */
  void check(URI uri, List<InetAddress> addresses) throws ImageException;

  /** The safe default: http and https to public internet addresses only. */
  static FetchPolicy publicOnly() {
    return of(AddressPolicy.publicOnly());
  }

  /** This machine and private networks too (tests, intranets); never cloud metadata services. */
  static FetchPolicy privateNetworkAllowed() {
    return of(AddressPolicy.allowingPrivateNetwork());
  }

  static FetchPolicy of(AddressPolicy policy) {
    return (uri, addresses) -> {
      Optional<String> refusal = policy.refusal(uri, addresses);
      if (refusal.isPresent()) {
        throw new ImageException(refusal.get());
      }
    };
  }
}
