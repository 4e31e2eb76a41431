package dev.gazette.util;

import com.openhtmltopdf.util.XRLog;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the libraries Gazette lays out and reads fonts with from printing: PDFBox and FontBox log
 * through commons-logging, which writes to java.util.logging when nothing else is set up, whose
 * root handler prints to standard error ({@code WARNING: Format 14 cmap table is not supported},
 * {@code Using fallback font …}); OpenHTMLtoPDF has its own switch. None of what they say on the
 * samples or the archives tried changes the output or is news to the user (a missing glyph is
 * reported by Gazette itself), so by default it goes nowhere; {@link #showOn} sends it to a caller,
 * as the CLI's {@code --verbose} does.
 */
public final class LibraryLogs {
  private static final List<String> NAMES =
      List.of("org.apache.pdfbox", "org.apache.fontbox", "org.eclipse.angus.mail", "jakarta.mail");

  /**
   * Held here: java.util.logging keeps loggers only weakly, and a logger collected and made again
   * would have lost this set-up.
   */
  private static final List<Logger> LOGGERS = NAMES.stream().map(Logger::getLogger).toList();

  private static volatile Consumer<String> sink;

  static {
    Handler forward =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            Consumer<String> s = sink;
            if (s != null) {
              s.accept(r.getLoggerName() + ": " + r.getLevel() + ": " + message(r));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    for (Logger logger : LOGGERS) {
      logger.setUseParentHandlers(false);
      logger.addHandler(forward);
    }
    XRLog.setLoggingEnabled(false);
  }

  private LibraryLogs() {}

  /** Sets the libraries' logging up; called before Gazette uses them. Idempotent. */
  public static void quiet() {
    // The work is done once, by the class initializer.
  }

  /**
   * Sends the libraries' messages, one line each, to {@code lines} (null: nowhere again). Global to
   * the process: for a command line, not for a library caller sharing the JVM.
   */
  public static void showOn(Consumer<String> lines) {
    sink = lines;
    for (Logger logger : LOGGERS) {
      logger.setLevel(lines == null ? null : Level.INFO);
    }
    // OpenHTMLtoPDF prints through its own handler when enabled.
    XRLog.setLoggingEnabled(lines != null);
  }

  private static String message(LogRecord r) {
    String m = r.getMessage();
    if (m != null && r.getParameters() != null && r.getParameters().length > 0) {
      try {
        m = java.text.MessageFormat.format(m, r.getParameters());
      } catch (IllegalArgumentException e) {
        // keep the pattern as it is
      }
    }
    return r.getThrown() == null ? m : m + " (" + r.getThrown() + ")";
  }
}
