package dev.gazette.util;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes URLs written into a digest valid for XML readers and EPUBCheck (RSC-020): the URL is taken
 * apart and put back together with every character a component may not hold percent-encoded
 * (spaces, brackets in a query, non-ASCII, backslashes in a path…), the host checked (IDN hosts
 * become punycode) and the port checked. What cannot be repaired (a host holding {@code %} or a
 * backslash, {@code http://%20http://…}, a port that is not a number) is refused.
 */
public final class Urls {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final String SUB_DELIMS = "!$&'()*+,;=";
  private static final String PCHAR = UNRESERVED + SUB_DELIMS + ":@";
  private static final String PATH = PCHAR + "/";
  private static final String QUERY = PCHAR + "/?";
  private static final String USERINFO = UNRESERVED + SUB_DELIMS + ":";

  /** A host name in ASCII: labels of letters, digits, hyphens and underscores. */
  private static final Pattern HOST =
      Pattern.compile("(?i)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\\.?");

  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");

  /**
   * Written where a template's unknown site value started a link's address ({@code {{
   * site.repository }}/issues/1} with no {@code repository} in the site config): no scheme a digest
   * follows, so the link is kept as text. The template step says so; the link step says nothing
   * more.
   */
  public static final String UNKNOWN_SITE_VALUE = "site-value-unknown:";

  private Urls() {}

  /**
   * A protocol-relative address ({@code //host/path}) with https added; any other text unchanged.
   */
  public static String withScheme(String url) {
    return url.startsWith("//") ? "https:" + url : url;
  }

  /**
   * The URL, when it is http(s) or mailto, repaired into a valid URL; empty when it is another
   * scheme or cannot be repaired.
   */
  public static Optional<String> followable(String url) {
    String s = withoutInvisibles(url.strip());
    String lower = s.toLowerCase(Locale.ROOT);
    String repaired;
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      repaired = web(lower.startsWith("https") ? "https" : "http", s.substring(s.indexOf(':') + 3));
    } else if (lower.startsWith("mailto:")) {
      repaired = mailto(s.substring(7));
    } else {
      return Optional.empty();
    }
    if (repaired == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(repaired);
      return uri.getScheme() == null ? Optional.empty() : Optional.of(repaired);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The origin ({@code https://example.org}, scheme and host and port) of a site's web address, as
   * a site config or a setting gives it; empty when it is not an http(s) address with a host.
   */
  public static Optional<String> origin(String siteAddress) {
    if (siteAddress == null || !siteAddress.strip().toLowerCase(Locale.ROOT).startsWith("http")) {
      return Optional.empty();
    }
    return followable(siteAddress)
        .flatMap(
            u -> {
              try {
                URI uri = new URI(u);
                return uri.getHost() == null
                    ? Optional.empty()
                    : Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
              } catch (URISyntaxException e) {
                return Optional.empty();
              }
            });
  }

  /** A host name and a slash, without a scheme: {@code github.com/epage}, {@code youtu.be/x}. */
  private static final java.util.regex.Pattern BARE_HOST_PATH =
      java.util.regex.Pattern.compile(
          "(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(?::\\d{1,5})?/.*");

  /** A Markdown link written where its address belongs: {@code [text](address)}. */
  private static final java.util.regex.Pattern PASTED_LINK =
      java.util.regex.Pattern.compile("^\\[[^\\[\\]]*\\]\\(([^()\\s]+)\\)$");

  /** A mail address alone: an ASCII local part, a dotted domain. */
  private static final java.util.regex.Pattern BARE_MAIL =
      java.util.regex.Pattern.compile(
          "(?i)^[a-z0-9._%+-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

  /** A web scheme, the slashes after it, and the host's first letter or digit (not consumed). */
  private static final java.util.regex.Pattern WEB_SCHEME_SLASHES =
      java.util.regex.Pattern.compile("(?i)(https?):([/\\\\]*)(?=[a-z0-9])");

  /**
   * A site's name alone, without a scheme or a path ({@code pptrconsole.com}, {@code
   * astro.yufengbiji.com}): only under top-level domains that are not also common file extensions,
   * so that {@code main.rs}, {@code install.sh}, {@code notes.md}, {@code main.cc}, {@code
   * notes.org} or {@code emacs.info} stay relative paths.
   */
  private static final java.util.regex.Pattern BARE_SITE =
      java.util.regex.Pattern.compile(
          "(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
              + "(?:com|net|cn|io|dev|me|co|edu|gov|xyz|tech|site|blog|top|tv)/?$");

  /**
   * The web or mail address an author meant by an {@code href} no browser follows as one, or empty:
   * a scheme left out ({@code www.example.org/x}, {@code github.com/epage}, which a browser reads
   * as a path on the blog), a scheme mistyped ({@code https//…}, {@code ttps://…}, {@code
   * mail-to:}), an address written in parentheses or angle brackets ({@code [x]((https://…))}), a
   * rendered link pasted as the address ({@code [x]([https://a](https://a))}, the gold-miner
   * translations' footer), slashes left out or doubled after the scheme ({@code https:/host/x},
   * {@code http:host}, {@code https:///host}, which a browser reads as {@code https://host/x}: the
   * URL standard skips any slashes after a web scheme; 13 links of one translation archive). A
   * relative path ({@code images/a.png}, {@code ./post.md}, {@code notes.txt}) is none of them.
   */
  public static Optional<String> meantAddress(String href) {
    String h = href.strip();
    java.util.regex.Matcher pasted = PASTED_LINK.matcher(h);
    if (pasted.matches()) {
      String inner = pasted.group(1).strip();
      return looksFollowable(inner) ? Optional.of(inner) : meantAddress(inner);
    }
    if (h.length() > 2
        && ((h.startsWith("(") && h.endsWith(")")) || (h.startsWith("<") && h.endsWith(">")))) {
      String inner = h.substring(1, h.length() - 1).strip();
      return looksFollowable(inner) ? Optional.of(inner) : meantAddress(inner);
    }
    String lower = h.toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"https", "http"}) {
      if (lower.startsWith(scheme + "//")) {
        return Optional.of(scheme + ":" + h.substring(scheme.length()));
      }
      if (lower.startsWith(scheme.substring(1) + "://")) {
        return Optional.of("h" + h);
      }
    }
    java.util.regex.Matcher slashes = WEB_SCHEME_SLASHES.matcher(h);
    if (slashes.lookingAt()
        && !slashes.group(2).equals("//")
        && h.indexOf('\\', slashes.end()) < 0) {
      return Optional.of(
          slashes.group(1).toLowerCase(Locale.ROOT) + "://" + h.substring(slashes.end()));
    }
    if (lower.startsWith("hhttp://") || lower.startsWith("hhttps://")) {
      return Optional.of(h.substring(1)); // the first letter typed twice
    }
    if (BARE_MAIL.matcher(h).matches()) {
      return Optional.of("mailto:" + h); // [hello@tokioconf.com](hello@tokioconf.com)
    }
    if (lower.startsWith("mail-to:")) {
      return Optional.of("mailto:" + h.substring("mail-to:".length()));
    }
    if (lower.startsWith("mail:") && h.indexOf('@') > 5) {
      return Optional.of("mailto:" + h.substring("mail:".length()));
    }
    String afterPunctuation = withoutLeadingPunctuation(h);
    if (afterPunctuation != null) {
      return Optional.of(afterPunctuation);
    }
    if (lower.startsWith("www.") && lower.indexOf('.', 4) > 4) {
      return Optional.of("https://" + h);
    }
    if (BARE_HOST_PATH.matcher(h).matches() || BARE_SITE.matcher(h).matches()) {
      return Optional.of("https://" + h);
    }
    return Optional.empty();
  }

  /**
   * A web address after punctuation typed with it ({@code ：https://…}, often percent-encoded by the
   * editor: {@code %EF%BC%9Ahttps://…}), or null.
   */
  private static String withoutLeadingPunctuation(String h) {
    int i = 0;
    StringBuilder lead = new StringBuilder();
    java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
    while (i + 2 < h.length() && h.charAt(i) == '%') {
      int b = Character.digit(h.charAt(i + 1), 16) << 4 | Character.digit(h.charAt(i + 2), 16);
      if (b < 0) {
        return null;
      }
      encoded.write(b);
      i += 3;
    }
    lead.append(encoded.toString(java.nio.charset.StandardCharsets.UTF_8));
    int rest = i;
    while (rest < h.length() && !h.regionMatches(true, rest, "http", 0, 4)) {
      lead.append(h.charAt(rest));
      rest++;
    }
    if (lead.length() == 0 || rest == h.length() || !looksFollowable(h.substring(rest))) {
      return null;
    }
    for (int k = 0; k < lead.length(); k++) {
      int type = Character.getType(lead.charAt(k));
      boolean punctuation =
          type == Character.OTHER_PUNCTUATION
              || type == Character.DASH_PUNCTUATION
              || type == Character.START_PUNCTUATION
              || type == Character.END_PUNCTUATION
              || type == Character.INITIAL_QUOTE_PUNCTUATION
              || type == Character.FINAL_QUOTE_PUNCTUATION
              || type == Character.SPACE_SEPARATOR;
      if (!punctuation) {
        return null;
      }
    }
    return h.substring(rest);
  }

  /** Whether {@code url} looks like a web or mail address (whether or not it can be repaired). */
  public static boolean looksFollowable(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http:")
        || lower.startsWith("https:")
        || lower.startsWith("mailto:")
        || lower.startsWith("//");
  }

  private static String web(String scheme, String rest) {
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    String tail = rest.substring(end);
    StringBuilder sb = new StringBuilder(scheme).append("://");
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userinfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      if (!userinfo.isEmpty()) {
        sb.append(encode(userinfo, USERINFO)).append('@');
      }
    }
    String host = authority;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(0, close + 1);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return null;
      }
      port = after.isEmpty() ? "" : after.substring(1);
      if (!IPV6.matcher(host).matches()) {
        return null;
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon >= 0) {
        host = authority.substring(0, colon);
        port = authority.substring(colon + 1);
      }
      host = asciiHost(host);
      if (host == null) {
        return null;
      }
    }
    if (!port.isEmpty()
        && !(port.length() <= 5
            && port.chars().allMatch(c -> c >= '0' && c <= '9')
            && Integer.parseInt(port) <= 65535)) {
      return null;
    }
    sb.append(host);
    if (!port.isEmpty()) {
      sb.append(':').append(port);
    }
    int hash = tail.indexOf('#');
    String fragment = hash >= 0 ? tail.substring(hash + 1) : null;
    String beforeHash = hash >= 0 ? tail.substring(0, hash) : tail;
    int q = beforeHash.indexOf('?');
    String query = q >= 0 ? beforeHash.substring(q + 1) : null;
    String path = q >= 0 ? beforeHash.substring(0, q) : beforeHash;
    sb.append(encode(path, PATH));
    if (query != null) {
      sb.append('?').append(encode(query, QUERY));
    }
    if (fragment != null) {
      sb.append('#').append(encode(fragment, QUERY));
    }
    return sb.toString();
  }

  /** A host in ASCII (IDN to punycode, lower case), or null when it is not a host name. */
  private static String asciiHost(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return null;
    }
    String ascii = host;
    if (!host.chars().allMatch(c -> c < 0x80)) {
      try {
        ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    if (!HOST.matcher(ascii).matches() || ascii.matches("[0-9.]+") && !isIpv4(ascii)) {
      return null;
    }
    return ascii;
  }

  private static boolean isIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String mailto(String rest) {
    int q = rest.indexOf('?');
    String to = q >= 0 ? rest.substring(0, q) : rest;
    String query = q >= 0 ? rest.substring(q + 1) : null;
    int hash = query == null ? to.indexOf('#') : -1;
    if (hash >= 0) {
      to = to.substring(0, hash);
    }
    if (query != null && query.indexOf('#') >= 0) {
      query = query.substring(0, query.indexOf('#'));
    }
    if (to.isBlank() && query == null) {
      return null;
    }
    return "mailto:"
        + encode(to, UNRESERVED + SUB_DELIMS + ":@")
        + (query == null ? "" : "?" + encode(query, QUERY));
  }

  /**
   * {@code text} with every character outside {@code allowed} percent-encoded as UTF-8; a {@code %}
   * starting a valid escape is kept, any other {@code %} becomes {@code %25}.
   */
  private static String encode(String text, String allowed) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp == '%'
          && i + 2 < text.length()
          && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        sb.append('%')
            .append(Character.toUpperCase(text.charAt(i + 1)))
            .append(Character.toUpperCase(text.charAt(i + 2)));
        i += 3;
        continue;
      }
      if (cp < 0x80 && allowed.indexOf(cp) >= 0) {
        sb.append((char) cp);
      } else if (Character.isSurrogate((char) cp)) {
        sb.append("%EF%BF%BD"); // a lone surrogate has no UTF-8 form
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
          sb.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
      }
      i += n;
    }
    return sb.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Tabs and line breaks inside a URL are dropped, as browsers do. */
  private static String withoutInvisibles(String s) {
    return s.replace("\t", "").replace("\n", "").replace("\r", "");
  }
}
