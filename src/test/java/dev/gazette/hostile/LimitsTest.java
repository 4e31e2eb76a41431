package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.Limits;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of {@link Limits} can be changed on the request and is applied with a warning or a
 * skip.
 */
class LimitsTest {
  @TempDir Path dir;

  private DigestResult build(Path src, Limits limits) throws Exception {
    return Gazette.create()
        .build(
            DigestRequest.builder()
                .source(src)
                .zone(ZoneId.of("Asia/Shanghai"))
                .outputDir(dir.resolve("out"))
                .name("digest")
                .formats(Format.EPUB)
                .limits(limits)
                .build());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Limits d = Limits.defaults();
    assertThat(d.maxPostBytes()).isEqualTo(4L << 20);
    assertThat(d.maxFrontMatterChars()).isEqualTo(256 * 1024);
    assertThat(d.maxTitleChars()).isEqualTo(300);
    assertThat(d.maxNestingDepth()).isEqualTo(100);
    assertThat(d.maxImageBytes()).isEqualTo(20L << 20);
    assertThat(d.maxImagePixels()).isEqualTo(100_000_000L);
    assertThat(d.maxDigestImageBytes()).isEqualTo(200L << 20);
    assertThat(DigestRequest.builder().source(dir).build().limits()).isEqualTo(d);
  }

  @Test
  void imagesPastTheDigestBudgetBecomeTheirAltTextInReadingOrder() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("images"));
    byte[] first = HostileFiles.png(40, 40);
    byte[] second = HostileFiles.png(41, 41);
    Files.write(src.resolve("images/first.png"), first);
    Files.write(src.resolve("images/second.png"), second);
    TestPosts.write(
        src, "2021-07-01-a.md", "---\ntitle: A\n---\n\n![first picture](images/first.png)\n");
    TestPosts.write(
        src,
        "2021-07-02-b.md",
        "---\ntitle: B\n---\n\n![second picture](images/second.png)\n\n"
            + "![first again](images/first.png)\n");
    DigestResult result = build(src, Limits.defaults().withMaxDigestImageBytes(first.length + 10));
    Path b = src.resolve("2021-07-02-b.md");
    assertThat(result.problems())
        .filteredOn(p -> b.equals(p.file()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("image left out");
            });
    Path epub = dir.resolve("out/digest.epub");
    Map<String, String> entries = Epubs.validEntries(epub);
    String pageB = entries.get("OEBPS/a002.xhtml");
    assertThat(pageB).contains("[second picture]").contains("<img");
    assertThat(entries.get("OEBPS/content.opf")).containsOnlyOnce("media-type=\"image/png\"");
  }

  @Test
  void postSizeTitleLengthAndNestingFollowTheRequest() throws Exception {
    Path src = dir.resolve("src");
    TestPosts.write(src, "2021-07-01-big.md", "---\ntitle: Big\n---\n\n" + "word ".repeat(400));
    TestPosts.write(
        src, "2021-07-02-title.md", "---\ntitle: " + "T".repeat(50) + "\n---\n\nText.\n");
    TestPosts.write(
        src,
        "2021-07-03-deep.md",
        "---\ntitle: Deep\n---\n\n"
            + "<div><blockquote>".repeat(6)
            + "deep"
            + "</blockquote></div>".repeat(6)
            + "\n");
    DigestResult result =
        build(
            src,
            Limits.defaults().withMaxPostBytes(1000).withMaxTitleChars(20).withMaxNestingDepth(4));
    assertThat(result.skipped())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("2021-07-01-big.md");
    assertThat(result.posts()).extracting(p -> p.title()).contains("T".repeat(19) + "…");
    assertThat(result.problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("more than the 1000 bytes a post may have"))
        .anyMatch(m -> m.contains("cut to 20"))
        .anyMatch(m -> m.contains("nested deeper than 4 levels"));
  }
}
