package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import dev.gazette.util.LibraryLogs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library never prints, its libraries included: PDFBox and FontBox warn through commons-logging
 * and java.util.logging (the sample build gave 36 lines of them before), and OpenHTMLtoPDF has its
 * own log.
 */
class QuietLibraryTest {
  @TempDir Path dir;

  @Test
  void buildingTheSamplesPrintsNothing() throws Exception {
    // java.util.logging prints through the root logger's handlers, which keep the System.err they
    // found when made: watch the root logger as well as the two streams.
    List<String> reachedRoot = new ArrayList<>();
    Handler watch = recorder(reachedRoot);
    Logger root = Logger.getLogger("");
    root.addHandler(watch);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    DigestResult result;
    try {
      System.setOut(capture);
      System.setErr(capture);
      // Offline with an empty cache: the samples' remote images are never fetched.
      result =
          Gazette.create()
              .build(
                  DigestRequest.builder()
                      .source(TestPosts.samples())
                      .outputDir(dir.resolve("out"))
                      .offline(true)
                      .imageCache(dir.resolve("cache"))
                      .build());
      // What PDFBox's font classes say when they warn, as the build above can.
      LogFactory.getLog("org.apache.fontbox.ttf.CmapSubtable").warn("Format 14 cmap table");
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(watch);
    }
    assertThat(result.outputs()).hasSize(2);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(reachedRoot).isEmpty();
  }

  @Test
  void verboseCallersCanReadWhatTheLibrariesSay() {
    List<String> lines = new ArrayList<>();
    LibraryLogs.showOn(lines::add);
    try {
      LogFactory.getLog("org.apache.pdfbox.pdmodel.font.FontMapperImpl")
          .warn("Using fallback font LiberationSans for base font Helvetica");
    } finally {
      LibraryLogs.showOn(null);
    }
    assertThat(lines)
        .containsExactly(
            "org.apache.pdfbox.pdmodel.font.FontMapperImpl: WARNING: Using fallback font"
                + " LiberationSans for base font Helvetica");
  }

  private static Handler recorder(List<String> lines) {
    return new Handler() {
      @Override
      public void publish(LogRecord r) {
        String name = String.valueOf(r.getLoggerName());
        if (name.startsWith("org.apache.") || name.startsWith("com.openhtmltopdf")) {
          lines.add(name + ": " + r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
