package dev.gazette.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.model.PostSelection;
import dev.gazette.util.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark corpus is reproducible and is a valid archive for Gazette. No timing here. */
class CorpusGeneratorTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws IOException {
    CorpusGenerator.write(dir.resolve("a"), 24, 7, true);
    CorpusGenerator.write(dir.resolve("b"), 24, 7, true);
    CorpusGenerator.write(dir.resolve("c"), 24, 8, true);

    Map<String, String> a = hashes(dir.resolve("a"));
    assertThat(a).isEqualTo(hashes(dir.resolve("b")));
    assertThat(a).isNotEqualTo(hashes(dir.resolve("c")));
    assertThat(a.keySet()).filteredOn(p -> p.endsWith(".md")).hasSize(24);
    assertThat(a.keySet())
        .filteredOn(p -> p.endsWith("-note.md"))
        .hasSize(6); // a quarter in Markdown
    assertThat(a.keySet()).contains("peer.html", "images/photo-01.png");
  }

  @Test
  void everyGeneratedPostIsReadWithoutProblems() throws Exception {
    CorpusGenerator.write(dir, 40, 7, true);
    PostSelection all =
        Gazette.create().select(DigestRequest.builder().source(dir).zone(ZoneId.of("UTC")).build());
    assertThat(all.problems()).isEmpty();
    assertThat(all.skipped()).isEmpty();
    assertThat(all.posts())
        .hasSize(40)
        .allSatisfy(
            p -> {
              assertThat(p.date()).isPresent();
              assertThat(p.title()).isNotBlank();
            });
    String peer = Files.readString(dir.resolve("peer.html"));
    assertThat(peer.split("<section>", -1)).hasSize(41);
    // The peer document lists the posts in the digest's order (by date).
    assertThat(peer.indexOf(all.posts().get(0).title()))
        .isLessThan(peer.indexOf(all.posts().get(39).title()));
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        result.put(
            root.relativize(f).toString().replace('\\', '/'),
            Hashes.sha256Hex(Files.readAllBytes(f)));
      }
    }
    return result;
  }
}
