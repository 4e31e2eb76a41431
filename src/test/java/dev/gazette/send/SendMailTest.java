package dev.gazette.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.SendRequest;
import dev.gazette.api.SendResult;
import dev.gazette.cli.Main;
import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette send} against a real SMTP server (GreenMail) on 127.0.0.1: what arrives is what
 * was built, byte for byte, under its Chinese name; every way of failing is one line and its own
 * exit code.
 */
class SendMailTest {
  private static final String USER = "reader";
  private static final String PASSWORD = "s3cret-pw!";
  private static final String TO = "reader@kindle.example";

  @TempDir static Path shared;
  private static Path epub;

  @TempDir Path dir;
  private GreenMail mail;

  private static javax.net.ssl.SSLSocketFactory trustingTestCertificate;

  /**
   * A certificate for 127.0.0.1 made with the JDK's keytool: GreenMail serves it, and the client
   * trusts exactly it, with the server identity check on (GreenMail's own certificate names no
   * host, so it could only be tested with trust-all).
   */
  @BeforeAll
  static void makeCertificate() throws Exception {
    Path store = shared.resolve("smtp.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "smtp",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    System.setProperty("greenmail.tls.keystore.file", store.toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    var tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    var tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    trustingTestCertificate = tls.getSocketFactory();
  }

  @BeforeAll
  static void buildDigest() throws Exception {
    Path posts = Files.createDirectories(shared.resolve("posts"));
    TestPosts.write(posts, "a.md", TestPosts.hexo("第一篇", "2021-07-01 10:00", "今天的新闻。"));
    TestPosts.write(posts, "b.md", TestPosts.hexo("第二篇", "2021-07-02 10:00", "明天的新闻。"));
    epub =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(posts)
                    .from(LocalDate.of(2021, 7, 1))
                    .to(LocalDate.of(2021, 7, 4))
                    .outputDir(shared.resolve("out"))
                    .name("每周新闻 2021-W26")
                    .formats(Format.EPUB)
                    .embedFonts(false)
                    .build())
            .outputs()
            .get(0)
            .path();
    assertThat(Epubs.check(epub)).isEmpty();
  }

  @BeforeEach
  void startServer() {
    mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)
            });
    mail.withConfiguration(GreenMailConfiguration.aConfig().withUser(TO, USER, PASSWORD));
    mail.start();
  }

  @AfterEach
  void stopServer() {
    mail.stop();
  }

  private int smtpPort() {
    return mail.getSmtp().getPort();
  }

  private record Run(int code, String out, String err) {}

  private Run gazette(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code gazette send FILE --to TO --smtp 127.0.0.1:PORT --security none MORE…}, logged in. */
  private Run sendInClear(String password, Path file, int port, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "send",
                file.toString(),
                "--to",
                TO,
                "--smtp",
                "127.0.0.1:" + port,
                "--security",
                "none"));
    args.addAll(List.of(more));
    return gazette(login(password), args.toArray(String[]::new));
  }

  private static Map<String, String> login(String password) {
    return Map.of("GAZETTE_SMTP_USER", USER, "GAZETTE_SMTP_PASSWORD", password);
  }

  @Test
  void theDigestArrivesByteForByteUnderItsChineseName() throws Exception {
    Run run =
        sendInClear(
            PASSWORD, epub, smtpPort(), "--from", "gazette@example.org", "--profile", "kindle");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("sent ").contains(TO).doesNotContain(PASSWORD);
    assertThat(run.err()).isEmpty();

    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo(TO);
    assertThat(m.getSubject()).isEqualTo("每周新闻 2021-W26.epub");
    assertThat(m.getMessageID()).matches("<[0-9a-f]{16}\\.\\d+@example\\.org>");
    Part attachment = ((MimeMultipart) m.getContent()).getBodyPart(1);
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachment.getContentType()).startsWith("application/epub+zip");
    assertThat(attachment.getFileName()).isEqualTo("每周新闻 2021-W26.epub");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(epub));

    // RFC 2231 on the wire: a UTF-8 percent-encoded parameter, not RFC 2047's =?UTF-8?B?…?=
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    m.writeTo(raw);
    String wire = raw.toString(StandardCharsets.US_ASCII);
    assertThat(wire)
        .contains("filename*=UTF-8''%E6%AF%8F%E5%91%A8%E6%96%B0%E9%97%BB%202021-W26.epub")
        .doesNotContain("filename=\"=?");
  }

  @Test
  void theSendBlockOfGazetteYmlGivesTheAddressAndServerAndBuildIgnoresIt() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("gazette.yml"),
            "zone: UTC\nsend:\n  to: "
                + TO
                + "\n  smtp: 127.0.0.1:"
                + smtpPort()
                + "\n  security: none\n  profile: kindle\n");
    Run run = gazette(login(PASSWORD), "send", epub.toString(), "--config", config.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(TO);

    Files.writeString(config, "send:\n  to: " + TO + "\n  security: smoke-signals\n");
    Run bad = gazette(login(PASSWORD), "send", epub.toString(), "--config", config.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "gazette: "
                + config
                + ":3: 'send.security': expects starttls, ssl or none, not 'smoke-signals'\n");
    Files.writeString(config, "send:\n  to: " + TO + "\n  password: hunter2\n");
    Run password = gazette(login(PASSWORD), "send", epub.toString(), "--config", config.toString());
    assertThat(password.code()).isEqualTo(2);
    assertThat(password.err()).contains("'send.password': unknown key").doesNotContain("hunter2");
  }

  @Test
  void aWrongPasswordIsOneLineAndExitSevenWithoutThePassword() {
    String wrong = "not-the-Password-42";
    Run run = sendInClear(wrong, epub, smtpPort());
    assertThat(run.code()).isEqualTo(7);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("refused the login").doesNotContain(wrong);
    assertThat(run.out()).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aClosedPortIsOneLineAndExitSix() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run run = sendInClear(PASSWORD, epub, closed);
    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .isEqualTo("gazette: cannot connect to 127.0.0.1:" + closed + ": connection refused\n");
  }

  @Test
  void aFileOverTheProfilesLimitIsRefusedBeforeConnectingWithExitFive() throws Exception {
    // A valid EPUB padded past 18 MB with a stored entry: too large for a common mailbox.
    Path big = dir.resolve("big.epub");
    Files.copy(epub, big);
    try (var fs = java.nio.file.FileSystems.newFileSystem(big)) {
      byte[] noise = new byte[19_000_000];
      new java.util.Random(1).nextBytes(noise);
      Files.write(fs.getPath("padding.bin"), noise);
    }
    Run run = sendInClear(PASSWORD, big, smtpPort(), "--profile", "generic");
    assertThat(run.code()).isEqualTo(5);
    String size = String.format(java.util.Locale.ROOT, "%.1f MB", Files.size(big) / 1e6);
    assertThat(run.err().lines())
        .containsExactly(
            big
                + ": error: is "
                + size
                + "; a common mailbox takes at most 18.0 MB (build with"
                + " --profile generic to shrink its pictures)",
            "gazette: big.epub is not fit for a common mailbox; nothing sent");
    assertThat(mail.getReceivedMessages()).isEmpty();
    // Send to Kindle takes 50 MB: the same file passes its preflight and arrives.
    Run kindle = sendInClear(PASSWORD, big, smtpPort(), "--profile", "kindle");
    assertThat(kindle.code()).as(kindle.err()).isZero();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void sslThroughTheLibrary() throws Exception {
    SendResult sent =
        Gazette.create()
            .send(
                SendRequest.builder()
                    .file(epub)
                    .to(TO)
                    .smtp("127.0.0.1", mail.getSmtps().getPort())
                    .security(SendRequest.Security.SSL)
                    .sslSocketFactory(trustingTestCertificate)
                    .login(USER, PASSWORD)
                    .profile(DeliveryProfile.KINDLE)
                    .timeout(Duration.ofSeconds(10))
                    .build());
    assertThat(sent.problems()).isEmpty();
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    Part attachment = ((MimeMultipart) mail.getReceivedMessages()[0].getContent()).getBodyPart(1);
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(epub));
  }

  @Test
  void sslRefusesAServerWhoseCertificateIsNotTrusted() {
    GazetteException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            GazetteException.class,
            () ->
                Gazette.create()
                    .send(
                        SendRequest.builder()
                            .file(epub)
                            .to(TO)
                            .smtp("127.0.0.1", mail.getSmtps().getPort())
                            .security(SendRequest.Security.SSL)
                            .login(USER, PASSWORD)
                            .build()));
    assertThat(e.reason()).isEqualTo(GazetteException.Reason.SMTP_CONNECT);
    assertThat(e.getMessage()).startsWith("cannot connect to 127.0.0.1:").contains("TLS failed");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttlsIsRequiredNotSkippedWhenTheServerLacksIt() {
    GazetteException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            GazetteException.class,
            () ->
                Gazette.create()
                    .send(
                        SendRequest.builder()
                            .file(epub)
                            .to(TO)
                            .smtp("127.0.0.1", smtpPort())
                            .security(SendRequest.Security.STARTTLS)
                            .login(USER, PASSWORD)
                            .build()));
    assertThat(e.reason()).isEqualTo(GazetteException.Reason.SMTP_CONNECT);
    assertThat(e.getMessage()).contains("does not offer STARTTLS").doesNotContain(PASSWORD);
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
