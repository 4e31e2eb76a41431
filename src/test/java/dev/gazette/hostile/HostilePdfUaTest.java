package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.testing.VeraPdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hostile-input corpus ({@code hostile/cases.tsv}, every category) in one tagged PDF,
 * which must pass PDF/UA-1 with no failed rule: whatever a post's markup or front matter does, the
 * structure tree stays well formed.
 *
 * <p>The one input that is only big, not malformed (40,000 one-line paragraphs), is made 100 times
 * smaller, the same shape: at full size it alone is 2,106 of the html category's 2,266 pages, and
 * veraPDF's cost grows with the pages (that digest: 45 s of CPU, 1.2 GB; about 20 ms a page), which
 * is what made the check take over 15 minutes inside the suite. {@link HostileInputTest} still
 * builds it at full size. This digest has about 420 pages.
 */
class HostilePdfUaTest {
  @TempDir Path tmp;

  @Test
  void everyHostileInputMakesAValidTaggedPdf() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(
        src.resolve("2021-07-01-good.md"),
        "---\ntitle: Good post\ndate: 2021-07-01\n---\n\nThe good text must be in the digest.\n");
    HostileFiles.makeImages(src, outside);
    List<HostileInputTest.Case> cases = new ArrayList<>();
    for (String category : List.of("frontmatter", "files", "html", "paths")) {
      cases.addAll(HostileInputTest.cases(category));
    }
    for (HostileInputTest.Case c : cases) {
      c.writeInto(src, 100);
    }

    DigestResult result =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(src)
                    .zone(ZoneId.of("Asia/Shanghai"))
                    .formats(Format.PDF)
                    .outputDir(tmp.resolve("out"))
                    .name("digest")
                    .build());

    // Every input the corpus expects in a digest is in this one.
    Set<Path> included = result.posts().stream().map(Post::file).collect(Collectors.toSet());
    List<Path> expected =
        cases.stream()
            .filter(
                c ->
                    c.expect().equals("included")
                        || c.expect().equals("repaired")
                        || (c.expect().equals("unreadable")
                            && Files.isReadable(src.resolve(c.name()))))
            .map(c -> src.resolve(c.name()))
            .toList();
    assertThat(expected).hasSizeGreaterThan(150);
    assertThat(included).containsAll(expected);

    assertThat(VeraPdf.failedRules(tmp.resolve("out/digest.pdf"), VeraPdf.Flavour.PDF_UA_1))
        .isEmpty();
  }
}
