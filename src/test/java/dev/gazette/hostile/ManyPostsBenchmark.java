package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.PostSelection;
import dev.gazette.testing.TestBuilds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a unit test (the name keeps it out of {@code mvn verify}): 100,000 posts in one folder, one
 * in a thousand broken, selected and built into an EPUB. Run it with {@code mvn test
 * -Dtest=ManyPostsBenchmark -Dposts=100000}; it prints the times and the heap used.
 */
class ManyPostsBenchmark {
  @TempDir Path dir;

  @Test
  void oneFolderOfManyPosts() throws Exception {
    int count = Integer.getInteger("posts", 100_000);
    Path src = Files.createDirectories(dir.resolve("posts"));
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String text =
          i % 1000 == 999
              ? "---\ntitle: broken " + i + "\ndate: [" + i + "\n---\n"
              : "---\ntitle: Post "
                  + i
                  + "\ndate: 2021-07-"
                  + String.format(Locale.ROOT, "%02d", 1 + i % 28)
                  + " 10:00:00\n---\n\nShort body of post "
                  + i
                  + ".\n";
      Files.writeString(
          src.resolve(String.format(Locale.ROOT, "p%06d.md", i)), text, StandardCharsets.UTF_8);
    }
    long t1 = System.nanoTime();
    DigestRequest request =
        TestBuilds.utc(src, dir.resolve("out"))
            .name("many")
            .formats(Format.EPUB)
            .embedFonts(false)
            .build();
    PostSelection selection = Gazette.create().select(request);
    long t2 = System.nanoTime();
    assertThat(selection.posts()).hasSize(count - count / 1000);
    assertThat(selection.problems()).hasSize(count / 1000);
    DigestResult result = Gazette.create().build(request);
    long t3 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "posts=%d write=%.1fs select=%.1fs build-epub=%.1fs epub=%.1fMB heap-used=%dMB%n",
        count,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        result.outputs().get(0).size() / 1e6,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    assertThat(result.posts()).hasSize(count - count / 1000);
  }
}
