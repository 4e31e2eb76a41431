package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile HTML corpus ({@code hostile/html}, the same inputs {@link HostileInputTest} replays
 * for EPUB and PDF) built as a web page, where a leftover script or handler would run in the
 * reader's browser: nothing in the page can run, load or submit anything, and a stylesheet cannot
 * close its own element.
 */
class HtmlEditionHostileTest {
  /** What must not reach any digest, and in a web page also links to and metadata of others. */
  private static final Set<String> DANGEROUS =
      Stream.concat(HostileInputTest.DANGEROUS_ELEMENTS.stream(), Stream.of("link", "meta"))
          .collect(Collectors.toUnmodifiableSet());

  @TempDir Path tmp;

  @Test
  void hostileInputStaysInertInThePage() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(
        src.resolve("2021-07-01-good.md"),
        "---\ntitle: Good post\ndate: 2021-07-01\n---\n\nThe good text GOODPOSTONE.\n");
    for (HostileInputTest.Case c : HostileInputTest.cases("html")) {
      c.writeInto(src, 1);
    }
    Path css = tmp.resolve("extra.css");
    Files.writeString(css, "p { color: red; }\n</style><script>alert('CSSESCAPE')</script><style>");

    Gazette.create()
        .build(
            DigestRequest.builder()
                .source(src)
                .zone(ZoneId.of("Asia/Shanghai"))
                .formats(Format.HTML)
                .extraCss(css)
                .outputDir(tmp.resolve("out"))
                .name("digest")
                .build());

    String html = Files.readString(tmp.resolve("out/digest.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("GOODPOSTONE").doesNotContain("PWNED").doesNotContain("root:x:0:0");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.head().select("style")).hasSize(1);
    assertThat(doc.head().select("style").first().data()).contains("<\\/style><script>");
    for (Element el : doc.body().getAllElements()) {
      String tag = el.tagName().toLowerCase(Locale.ROOT);
      assertThat(DANGEROUS).as("<" + tag + ">").doesNotContain(tag);
      for (Attribute a : el.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().strip().toLowerCase(Locale.ROOT);
        assertThat(key).as("attribute " + key).doesNotStartWith("on");
        assertThat(key).isNotIn("srcdoc", "formaction", "style");
        if (key.equals("href") || key.equals("src")) {
          assertThat(value)
              .as(key + "=" + value)
              .matches("^(https?:|mailto:|#|digest-images/[0-9a-f]{16}\\.[a-z]+$).*");
        }
      }
    }
  }
}
