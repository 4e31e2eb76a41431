package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A garden published from an Obsidian vault with Quartz (LesleyLai/digital-garden: 1,142 notes,
 * 1,085 of them with wikilinks, 300 callouts): notes link each other by name across folders, embed
 * pictures from {@code assets/}, and date themselves with {@code created:}. Every wikilink was
 * printed as written, brackets and all.
 */
class ObsidianVaultTest {
  @TempDir Path dir;

  @Test
  void wikilinksGoToTheNotesTheyNameAndEmbedsArePictures() throws Exception {
    Path vault = dir.resolve("content");
    Files.createDirectories(vault.resolve("assets"));
    Files.write(
        vault.resolve("assets/unix permission.png"), TestImages.png(TestImages.photo(40, 30)));
    TestPosts.write(
        vault,
        "Concepts/commutativity.md",
        "---\ncreated: 2024-08-16\ntags:\n  - logic/property\n---\n"
            + "An operation is **commutative** when order does not matter.\n\n## In logic\n\n"
            + "> [!example] Disjunction\n> p ∨ q ≡ q ∨ p\n");
    TestPosts.write(
        vault,
        "Writings/On access control.md",
        "---\ncreated: 2024-08-20\n---\n"
            + "Read [[commutativity]], [[commutativity#In logic|the logic part]] and [[Not"
            + " written yet]].\n\n![[../assets/unix permission.png|unix permission.png]]\n\n"
            + "- [x] checked\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(vault, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "a link to Not written yet.md kept as text: the digest has no post of that file");
    assertThat(result.images().local()).isEqualTo(1);
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String essay =
        entries.values().stream()
            .filter(x -> x.contains("<title>On access control"))
            .findFirst()
            .orElseThrow();
    String law =
        entries.entrySet().stream()
            .filter(e -> e.getValue().contains("<title>Commutativity"))
            .map(e -> e.getKey().substring("OEBPS/".length()))
            .findFirst()
            .orElseThrow();
    String lawId = law.replace(".xhtml", "");
    assertThat(essay)
        .contains("<a href=\"" + law + "\" class=\"gazette-post-link\">commutativity</a>")
        .contains(
            "<a href=\""
                + law
                + "#"
                + lawId
                + "-h1\" class=\"gazette-post-link\">the logic part</a>")
        .contains("Not written yet")
        .contains("alt=\"unix permission.png\"")
        .contains("☑ checked")
        .doesNotContain("[[");
    // The heading the link goes to got an id; the note is titled by its file name, not by it.
    assertThat(entries.get("OEBPS/" + law))
        .contains("<h2 id=\"" + lawId + "-h1\">In logic</h2>")
        .contains("<strong>Disjunction</strong>");
  }
}
