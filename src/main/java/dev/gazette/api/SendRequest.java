package dev.gazette.api;

import dev.gazette.model.DeliveryProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * What {@link Gazette#send} sends, where, and how it logs in. The login is given as values (the
 * command line reads it from {@code GAZETTE_SMTP_USER} and {@code GAZETTE_SMTP_PASSWORD}); the
 * request never shows the password: not in {@link #toString()}, not in any message.
 *
 * <pre>{@code
 * SendResult sent = Gazette.create().send(SendRequest.builder()
 *     .file(Path.of("out/weekly.epub")).to("me@kindle.com").from("me@example.com")
 *     .smtp("smtp.example.com", 587).security(SendRequest.Security.STARTTLS)
 *     .login(System.getenv("GAZETTE_SMTP_USER"), System.getenv("GAZETTE_SMTP_PASSWORD"))
 *     .profile(DeliveryProfile.KINDLE).build());
 * }</pre>
 */
public final class SendRequest {
  /** How the connection to the SMTP server is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which must succeed (port 587 by default). */
    STARTTLS(587),
    /** TLS from the first byte (port 465 by default). */
    SSL(465),
    /** No encryption: only for a relay on this machine or a test server (port 25 by default). */
    NONE(25);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public static Security parse(String s) {
      return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "starttls" -> STARTTLS;
        case "ssl", "tls" -> SSL;
        case "none", "plain" -> NONE;
        default ->
            throw new IllegalArgumentException("expects starttls, ssl or none, not '" + s + "'");
      };
    }
  }

  private final Path file;
  private final String to;
  private final String from;
  private final String host;
  private final int port;
  private final Security security;
  private final DeliveryProfile profile;
  private final String user;
  private final String password;
  private final String subject;
  private final SSLSocketFactory sslSocketFactory;
  private final Duration timeout;

  private SendRequest(Builder b) {
    this.file = b.file;
    this.to = b.to;
    this.from = b.from != null ? b.from : b.user != null && b.user.contains("@") ? b.user : b.to;
    this.host = b.host;
    this.security = b.security;
    this.port = b.port > 0 ? b.port : b.security.defaultPort();
    this.profile = b.profile;
    this.user = b.user;
    this.password = b.password;
    this.subject = b.subject;
    this.sslSocketFactory = b.sslSocketFactory;
    this.timeout = b.timeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The EPUB or PDF sent. */
  public Path file() {
    return file;
  }

  /** The recipient, e.g. the reader's {@code name@kindle.com}. */
  public String to() {
    return to;
  }

  /** The sender: as given, else the login when it is an address, else the recipient. */
  public String from() {
    return from;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Security security() {
    return security;
  }

  public DeliveryProfile profile() {
    return profile;
  }

  /** The login name, or null to send without logging in. */
  public String user() {
    return user;
  }

  /** The password; package-private so that it leaves the library only towards the server. */
  String password() {
    return password;
  }

  /** The subject: as given, else the file's name. */
  public String subject() {
    return subject != null ? subject : file.getFileName().toString();
  }

  /** The TLS socket factory, or null for the JVM's default trust. */
  public SSLSocketFactory sslSocketFactory() {
    return sslSocketFactory;
  }

  /** How long connecting, and each read or write, may take. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "SendRequest[file="
        + file
        + ", to="
        + to
        + ", smtp="
        + host
        + ":"
        + port
        + ", "
        + security
        + ", profile="
        + profile.id()
        + (user != null ? ", login given" : "")
        + "]";
  }

  /** Builds a {@link SendRequest}; {@link #build()} checks. */
  public static final class Builder {
    private Path file;
    private String to;
    private String from;
    private String host;
    private int port;
    private Security security = Security.STARTTLS;
    private DeliveryProfile profile = DeliveryProfile.GENERIC;
    private String user;
    private String password;
    private String subject;
    private SSLSocketFactory sslSocketFactory;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder() {}

    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    public Builder to(String address) {
      this.to = address;
      return this;
    }

    public Builder from(String address) {
      this.from = address;
      return this;
    }

    /** The server; a port of 0 takes the security's default. */
    public Builder smtp(String host, int port) {
      this.host = host;
      this.port = port;
      return this;
    }

    /** {@code HOST} or {@code HOST:PORT}. */
    public Builder smtp(String hostAndPort) {
      String s = hostAndPort.strip();
      int colon = s.lastIndexOf(':');
      if (colon > 0 && !s.endsWith("]") && s.indexOf(':') == colon) {
        try {
          return smtp(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expects HOST or HOST:PORT, not '" + s + "'");
        }
      }
      return smtp(s, 0);
    }

    public Builder security(Security security) {
      this.security = Objects.requireNonNull(security);
      return this;
    }

    public Builder profile(DeliveryProfile profile) {
      this.profile = Objects.requireNonNull(profile);
      return this;
    }

    /** The login; a null or blank user sends without logging in. */
    public Builder login(String user, String password) {
      this.user = user == null || user.isBlank() ? null : user;
      this.password = this.user == null ? null : password == null ? "" : password;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Trust for a server whose certificate the JVM does not know (a company CA, a test). */
    public Builder sslSocketFactory(SSLSocketFactory factory) {
      this.sslSocketFactory = factory;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * @throws InvalidSettingException naming the setting ({@code send-to}, {@code send-smtp}, …)
     */
    public SendRequest build() {
      if (file == null) {
        throw new InvalidSettingException("file", "no file to send");
      }
      if (to == null || to.isBlank()) {
        throw new InvalidSettingException("send-to", "no recipient: give --to ADDRESS");
      }
      if (host == null || host.isBlank()) {
        throw new InvalidSettingException("send-smtp", "no SMTP server: give --smtp HOST:PORT");
      }
      if (port < 0 || port > 65535) {
        throw new InvalidSettingException("send-smtp", "port " + port + " is out of range");
      }
      return new SendRequest(this);
    }
  }
}
