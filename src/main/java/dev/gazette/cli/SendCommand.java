package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.InvalidSettingException;
import dev.gazette.api.SendRequest;
import dev.gazette.api.SendResult;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigLoader;
import dev.gazette.model.DeliveryProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "send",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description =
        "E-mail an EPUB or PDF to an e-reader (Send to Kindle, Send-to-PocketBook, any mailbox)"
            + " after checking it fits the --profile. The SMTP login comes only from the"
            + " environment: GAZETTE_SMTP_USER and GAZETTE_SMTP_PASSWORD.")
final class SendCommand implements Callable<Integer> {
  static final String USER_VARIABLE = "GAZETTE_SMTP_USER";
  static final String PASSWORD_VARIABLE = "GAZETTE_SMTP_PASSWORD";

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .epub or .pdf to send.")
  Path file;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file with a send: block (default: gazette.yml here, when present).")
  Path config;

  @Option(names = "--starttls", description = "Same as --security starttls.")
  boolean starttls;

  @Option(names = "--ssl", description = "Same as --security ssl.")
  boolean ssl;

  @Override
  public Integer call() throws GazetteException {
    RequestLayers layers = new RequestLayers(DigestRequest.builder());
    Path settings = config;
    if (settings == null && Files.isRegularFile(Path.of(ConfigLoader.FILE_NAME))) {
      settings = Path.of(ConfigLoader.FILE_NAME);
    }
    try {
      if (settings != null) {
        layers.config(settings);
      }
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    layers.options(SettingOptions.given(spec));
    SendRequest request = request(layers);
    SendResult sent = Gazette.create().send(request);
    main.report(sent.problems());
    if (!main.quiet) {
      main.out()
          .printf(
              "sent %s (%s) to %s through %s:%d, Message-ID %s%n",
              sent.file(),
              Main.size(sent.bytes()),
              sent.to(),
              request.host(),
              request.port(),
              sent.messageId());
    }
    return Main.OK;
  }

  private SendRequest request(RequestLayers layers) {
    SendRequest.Builder b = SendRequest.builder().file(file);
    String to = text(layers, "send-to");
    if (to != null) {
      b.to(to);
    }
    String from = text(layers, "send-from");
    if (from != null) {
      b.from(from);
    }
    String smtp = text(layers, "send-smtp");
    if (smtp != null) {
      try {
        b.smtp(smtp);
      } catch (IllegalArgumentException e) {
        throw layers.refused("send-smtp", e.getMessage());
      }
    }
    if (starttls && ssl) {
      throw new UsageException("--starttls and --ssl exclude each other");
    }
    String security = starttls ? "starttls" : ssl ? "ssl" : text(layers, "send-security");
    if (security != null) {
      try {
        b.security(SendRequest.Security.parse(security));
      } catch (IllegalArgumentException e) {
        throw layers.refused("send-security", e.getMessage());
      }
    }
    String profile = text(layers, "profile");
    if (profile != null) {
      b.profile(DeliveryProfile.parse(profile));
    }
    String user = main.env().get(USER_VARIABLE);
    String password = main.env().get(PASSWORD_VARIABLE);
    if ((user == null || user.isBlank()) && password != null && !password.isEmpty()) {
      throw new UsageException(PASSWORD_VARIABLE + " is set but " + USER_VARIABLE + " is not");
    }
    b.login(user, password);
    try {
      return b.build();
    } catch (InvalidSettingException e) {
      throw layers.refused(e.key(), e.reason());
    }
  }

  private static String text(RequestLayers layers, String key) {
    Object v = layers.value(key);
    return v == null ? null : String.valueOf(v).strip();
  }
}
