package dev.gazette.send;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends one file as the attachment of one message over SMTP with Jakarta Mail. The attachment's
 * name is encoded by RFC 2231 ({@code filename*=UTF-8''%E6%AF%8F…}), which Send to Kindle and mail
 * readers decode; its body is base64. Every failure becomes a {@link SendFailure} whose message is
 * one line and never holds the password.
 */
public final class MailSender {
  /** Where and how to connect. */
  public record Server(
      String host,
      int port,
      boolean ssl,
      boolean starttls,
      SSLSocketFactory sslSocketFactory,
      Duration timeout) {}

  /** The message: who, what, and the file's bytes. */
  public record Letter(
      String from,
      String to,
      String subject,
      String text,
      String fileName,
      String mediaType,
      byte[] content,
      String messageId,
      Instant date) {}

  private MailSender() {}

  /** Validates an address as the server would need it; the message says what is wrong. */
  public static InternetAddress address(String address) throws AddressException {
    InternetAddress a = new InternetAddress(address.strip(), true);
    a.validate();
    return a;
  }

  /**
   * Sends {@code letter}; logs in first when {@code user} is not null.
   *
   * @throws SendFailure when the server cannot be reached, refuses the login or the message
   */
  public static void send(Server server, String user, String password, Letter letter)
      throws SendFailure {
    Session session = Session.getInstance(properties(server, user != null));
    String where = server.host() + ":" + server.port();
    try {
      MimeMessage message = message(session, letter);
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(server.host(), server.port(), user, password);
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new SendFailure(
          SendFailure.Kind.LOGIN, where + " refused the login (wrong user name or password)");
    } catch (SMTPSendFailedException e) {
      throw refused(where, e.getReturnCode(), e.getMessage(), user, password);
    } catch (SendFailedException e) {
      throw refused(where, 0, e.getMessage(), user, password);
    } catch (MessagingException e) {
      throw failure(where, server, e, password);
    }
  }

  private static SendFailure refused(
      String where, int code, String reply, String user, String password) {
    if (user == null && (code == 530 || code == 550 && reply.contains("5.7.0"))) {
      return new SendFailure(SendFailure.Kind.LOGIN, where + " wants a login, and none was given");
    }
    return new SendFailure(
        SendFailure.Kind.REFUSED, where + " refused the message: " + oneLine(reply, password));
  }

  private static SendFailure failure(
      String where, Server server, MessagingException e, String password) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String why =
          cause instanceof ConnectException
              ? "connection refused"
              : cause instanceof UnknownHostException
                  ? "unknown host"
                  : cause instanceof SocketTimeoutException
                      ? "no answer in " + server.timeout().toSeconds() + " s"
                      : cause instanceof SSLException
                          ? "TLS failed (" + oneLine(cause.getMessage(), password) + ")"
                          : null;
      if (why != null) {
        return new SendFailure(SendFailure.Kind.CONNECT, "cannot connect to " + where + ": " + why);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = oneLine(e.getMessage(), password);
    if (message.contains("STARTTLS")) {
      return new SendFailure(
          SendFailure.Kind.CONNECT,
          where + " does not offer STARTTLS (try --ssl, or the server's submission port 587)");
    }
    return new SendFailure(
        SendFailure.Kind.CONNECT, "cannot send through " + where + ": " + message);
  }

  private static Properties properties(Server server, boolean login) {
    Properties p = new Properties();
    String timeout = Long.toString(server.timeout().toMillis());
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.auth", Boolean.toString(login));
    if (server.ssl()) {
      p.setProperty("mail.smtp.ssl.enable", "true");
    }
    if (server.starttls()) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      // Never fall back to sending the password in clear.
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    if (server.ssl() || server.starttls()) {
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      if (server.sslSocketFactory() != null) {
        p.put("mail.smtp.ssl.socketFactory", server.sslSocketFactory());
      }
    }
    return p;
  }

  private static MimeMessage message(Session session, Letter letter) throws MessagingException {
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", letter.messageId());
          }
        };
    m.setFrom(address(letter.from()));
    m.setRecipient(Message.RecipientType.TO, address(letter.to()));
    m.setSubject(letter.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(Date.from(letter.date()));

    MimeBodyPart text = new MimeBodyPart();
    text.setText(letter.text(), StandardCharsets.UTF_8.name());

    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new DataHandler(new ByteArrayDataSource(letter.content(), letter.mediaType())));
    file.setDisposition(Part.ATTACHMENT);
    file.setFileName(letter.fileName());
    file.setHeader("Content-Transfer-Encoding", "base64");

    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(text);
    parts.addBodyPart(file);
    m.setContent(parts);
    m.saveChanges();
    return m;
  }

  /** The first line of a server's reply, without the password should a server echo it. */
  private static String oneLine(String s, String password) {
    String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
    if (password != null && !password.isEmpty()) {
      line = line.replace(password, "***");
    }
    return line;
  }
}
