package dev.gazette.testing;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** EPUB helpers for tests: EPUBCheck validation and reading entries back. */
public final class Epubs {
  private Epubs() {}

  /**
   * Runs EPUBCheck 5 and returns every fatal error, error and warning as a line ({@code ERROR
   * RSC-005 OEBPS/a001.xhtml:12 message}); an empty list means the EPUB is valid.
   */
  public static List<String> check(Path epub) {
    List<String> messages = new ArrayList<>();
    MasterReport report =
        new MasterReport() {
          @Override
          public void message(Message message, EPUBLocation location, Object... args) {
            Severity s = message.getSeverity();
            if (s == Severity.FATAL || s == Severity.ERROR || s == Severity.WARNING) {
              messages.add(
                  s
                      + " "
                      + message.getID()
                      + " "
                      + location.path
                      + ":"
                      + location.line
                      + " "
                      + message.getMessage(args));
            }
          }

          @Override
          public void info(String resource, FeatureEnum feature, String value) {}

          @Override
          public int generate() {
            return 0;
          }

          @Override
          public void initialize() {}
        };
    new EpubCheck(epub.toFile(), report).doValidate();
    return messages;
  }

  /**
   * The name, within {@code OEBPS/}, of the one article of {@code entries} ({@link #textEntries})
   * holding {@code text}; fails when none or several do.
   */
  public static String fileHolding(Map<String, String> entries, String text) {
    List<String> names =
        entries.entrySet().stream()
            .filter(e -> e.getKey().matches("OEBPS/a\\d+\\.xhtml") && e.getValue().contains(text))
            .map(e -> e.getKey().substring("OEBPS/".length()))
            .toList();
    if (names.size() != 1) {
      throw new AssertionError(names.size() + " articles hold " + text + ": " + names);
    }
    return names.get(0);
  }

  /** The text of the one article of {@code entries} holding {@code text} ({@link #fileHolding}). */
  public static String articleHolding(Map<String, String> entries, String text) {
    return entries.get("OEBPS/" + fileHolding(entries, text));
  }

  /**
   * The {@link #textEntries} of an EPUB that EPUBCheck finds valid; fails with EPUBCheck's messages
   * otherwise.
   */
  public static Map<String, String> validEntries(Path epub) throws IOException {
    List<String> messages = check(epub);
    if (!messages.isEmpty()) {
      throw new AssertionError("EPUBCheck: " + messages);
    }
    return textEntries(epub);
  }

  /** The text of every XHTML entry of the EPUB, joined by new lines, in name order. */
  public static String xhtmlText(Path epub) throws IOException {
    return textEntries(epub).entrySet().stream()
        .filter(e -> e.getKey().endsWith(".xhtml"))
        .map(Map.Entry::getValue)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /**
   * Every entry of the zip as text (UTF-8), by name, for entries ending in xhtml/opf/ncx/css/xml.
   */
  public static Map<String, String> textEntries(Path epub) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      for (ZipEntry e : new ArrayList<ZipEntry>(java.util.Collections.list(zip.entries()))) {
        if (e.getName().matches(".*\\.(xhtml|opf|ncx|css|xml)$")
            || e.getName().equals("mimetype")) {
          try (InputStream in = zip.getInputStream(e)) {
            result.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return result;
  }

  /** Entry names in zip order. */
  public static List<ZipEntry> entries(Path epub) throws IOException {
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      return new ArrayList<ZipEntry>(java.util.Collections.list(zip.entries()));
    }
  }

  public static byte[] entry(Path epub, String name) throws IOException {
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      ZipEntry e = zip.getEntry(name);
      if (e == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
  }
}
