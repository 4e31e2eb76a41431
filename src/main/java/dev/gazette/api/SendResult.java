package dev.gazette.api;

import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * A file handed to the SMTP server.
 *
 * @param file the file sent
 * @param to the recipient
 * @param bytes the file's size
 * @param messageId the message's {@code Message-ID} header, to find it in a mail log
 * @param problems the preflight's warnings (its errors stop the send)
 */
public record SendResult(
    Path file, String to, long bytes, String messageId, List<Problem> problems) {
  public SendResult {
    problems = List.copyOf(problems);
  }
}
