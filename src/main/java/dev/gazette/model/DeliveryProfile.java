package dev.gazette.model;

import java.util.Locale;

/**
 * Where a digest is delivered by e-mail, and the largest file that service takes. The limits are
 * the services' own where they publish one, else the attachment limit of common mail providers
 * (Gmail and Outlook.com take 25 MB per message, and base64 makes an attachment about 37% larger,
 * so about 18 MB of file). {@code docs/send.md} gives the sources.
 */
public enum DeliveryProfile {
  /** Amazon's Send to Kindle by e-mail: documents of up to 50 MB. */
  KINDLE("Send to Kindle", 50L * 1000 * 1000),
  /** Kobo has no e-mail service: the file goes through the reader's own mailbox. */
  KOBO("a Kobo reader's mailbox", 18L * 1000 * 1000),
  /** Send-to-PocketBook publishes no limit; the common provider limit applies. */
  POCKETBOOK("Send-to-PocketBook", 18L * 1000 * 1000),
  /** Any mailbox. */
  GENERIC("a common mailbox", 18L * 1000 * 1000);

  private final String service;
  private final long maxBytes;

  DeliveryProfile(String service, long maxBytes) {
    this.service = service;
    this.maxBytes = maxBytes;
  }

  /** The service's name for messages, e.g. {@code Send to Kindle}. */
  public String service() {
    return service;
  }

  /** The largest file the service takes, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** {@code kindle}, {@code kobo}, {@code pocketbook} or {@code generic}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryProfile parse(String s) {
    for (DeliveryProfile p : values()) {
      if (p.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "expects kindle, kobo, pocketbook or generic, not '" + s + "'");
  }
}
