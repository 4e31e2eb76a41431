package dev.gazette.assets;

import dev.gazette.util.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The blog's own web address (the site-url setting, else the site config's), to tell when a post
 * addresses a picture by it ({@code <img src="https://blog.example/images/x.png">}): that picture
 * is the site's own file, {@code /images/x.png}, which the site generator publishes from the site's
 * folder. Scheme (http, https) and a leading {@code www.} do not make another site; the port does.
 * Under a site published in a folder ({@code https://example.org/blog}) only addresses in that
 * folder are the site's, and the folder is taken off.
 */
public final class SiteAddress {
  public static final SiteAddress NONE = new SiteAddress(null, -1, "");

  private final String host;
  private final int port;
  private final String basePath;

  private SiteAddress(String host, int port, String basePath) {
    this.host = host;
    this.port = port;
    this.basePath = basePath;
  }

  /** The site at {@code address}; {@link #NONE} for null or an address that is not http(s). */
  public static SiteAddress of(String address) {
    if (address == null || Urls.origin(address).isEmpty()) {
      return NONE;
    }
    return parse(address).map(u -> new SiteAddress(host(u), port(u), basePath(u))).orElse(NONE);
  }

  /** The folder the site is published in, still percent-encoded ({@code /blog}), or empty. */
  String basePath() {
    return basePath;
  }

  /**
   * The path from the site's root ({@code /images/x.png}, still percent-encoded, without query or
   * fragment) that {@code src} names when it is an address on this site; empty for any other
   * address, and for the site's pages themselves ({@code https://blog.example/}).
   */
  public Optional<String> localPath(String src) {
    if (host == null || !RemoteImageResolver.isRemote(src)) {
      return Optional.empty();
    }
    // Dot segments resolved first, as a browser does (%2e is a dot there too): /blog/../x.png is
    // not in the folder /blog.
    Optional<URI> uri =
        parse(Urls.withScheme(src.strip()).replaceAll("%2[eE]", ".")).map(URI::normalize);
    if (uri.isEmpty() || !host.equals(host(uri.get())) || port != port(uri.get())) {
      return Optional.empty();
    }
    String path = uri.get().getRawPath() == null ? "" : uri.get().getRawPath();
    if (!path.startsWith(basePath + "/")) {
      return Optional.empty();
    }
    String local = path.substring(basePath.length());
    return local.length() > 1 ? Optional.of(local) : Optional.empty();
  }

  private static Optional<URI> parse(String url) {
    return Urls.followable(url)
        .flatMap(
            u -> {
              try {
                URI uri = new URI(u);
                return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
              } catch (URISyntaxException e) {
                return Optional.empty();
              }
            });
  }

  private static String host(URI uri) {
    String h = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** The port written, or -1 for the scheme's own (80 for http, 443 for https) or none. */
  private static int port(URI uri) {
    int p = uri.getPort();
    boolean schemesOwn = "http".equalsIgnoreCase(uri.getScheme()) ? p == 80 : p == 443;
    return schemesOwn ? -1 : p;
  }

  /** The folder the site is published in, without a slash at its end: {@code /blog}, or empty. */
  private static String basePath(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return path.replaceFirst("/+$", "");
  }
}
