package dev.gazette.api;

import dev.gazette.model.Problem;
import dev.gazette.send.MailSender;
import dev.gazette.send.Preflight;
import dev.gazette.send.SendFailure;
import dev.gazette.util.Hashes;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;

/** {@link Gazette#send}: preflight, then one message with the file attached. */
final class Delivery {
  private Delivery() {}

  static SendResult send(SendRequest request, Instant now) throws GazetteException {
    List<Problem> problems;
    byte[] content;
    try {
      problems = Preflight.check(request.file(), request.profile());
      if (problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR)) {
        content = Files.readAllBytes(request.file());
      } else {
        throw new GazetteException(
            GazetteException.Reason.UNFIT_FILE,
            request.file().getFileName()
                + " is not fit for "
                + request.profile().service()
                + "; nothing sent",
            problems,
            null);
      }
    } catch (NoSuchFileException e) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST, "no such file: " + request.file());
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot read " + request.file() + ": " + e.getMessage(), e);
    }
    for (String address : List.of(request.to(), request.from())) {
      try {
        MailSender.address(address);
      } catch (AddressException e) {
        throw new GazetteException(
            GazetteException.Reason.INVALID_REQUEST,
            "not an e-mail address: '" + address + "' (" + e.getMessage() + ")");
      }
    }
    String messageId = messageId(content, now, request.from());
    MailSender.Letter letter =
        new MailSender.Letter(
            request.from(),
            request.to(),
            request.subject(),
            "Sent by Gazette: " + request.file().getFileName() + "\n",
            request.file().getFileName().toString(),
            Preflight.mediaType(request.file()),
            content,
            messageId,
            now);
    MailSender.Server server =
        new MailSender.Server(
            request.host(),
            request.port(),
            request.security() == SendRequest.Security.SSL,
            request.security() == SendRequest.Security.STARTTLS,
            request.sslSocketFactory(),
            request.timeout());
    try {
      MailSender.send(server, request.user(), request.password(), letter);
    } catch (SendFailure f) {
      GazetteException.Reason reason =
          switch (f.kind()) {
            case CONNECT -> GazetteException.Reason.SMTP_CONNECT;
            case LOGIN -> GazetteException.Reason.SMTP_LOGIN;
            case REFUSED -> GazetteException.Reason.SMTP_REFUSED;
          };
      throw new GazetteException(reason, f.getMessage(), problems, null);
    }
    return new SendResult(request.file(), request.to(), content.length, messageId, problems);
  }

  /**
   * {@code <first 16 hex digits of the file's SHA-256>.<send time in ms>@<sender's domain>}: the
   * same file sent twice gets two ids, and a mail log shows which file a message carried.
   */
  private static String messageId(byte[] content, Instant now, String from) {
    String domain = from.substring(from.lastIndexOf('@') + 1).strip();
    if (domain.isEmpty() || domain.contains(">")) {
      domain = "gazette.local";
    }
    return "<"
        + Hashes.sha256Hex(content).substring(0, 16)
        + "."
        + now.toEpochMilli()
        + "@"
        + domain
        + ">";
  }
}
