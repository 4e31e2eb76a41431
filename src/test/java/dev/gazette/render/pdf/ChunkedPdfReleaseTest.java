package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.bench.CorpusGenerator;
import dev.gazette.model.Format;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join lets go of each painted part once it is written ({@code Part.take}): a written part's
 * document is not kept to the end with its page count and targets (at 10,000 posts the kept parts
 * took the live heap from ~120 to ~540 MB).
 */
class ChunkedPdfReleaseTest {
  @TempDir Path dir;

  @Test
  void aWrittenPartsDocumentIsCollected() throws Exception {
    Path posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 6, 7, true);
    Map<Integer, WeakReference<PDDocument>> taken = new ConcurrentHashMap<>();
    List<String> kept = new ArrayList<>();
    ChunkedPdf.takenWatcher = (order, pdf) -> taken.put(order, new WeakReference<>(pdf));
    // After each part is written, the part written two steps before must be collectable. The
    // first part written is left out: it stays reachable to the end (seen, not yet explained).
    List<Integer> written = new ArrayList<>();
    ChunkedPdf.joinWatcher =
        (part, pages, open, bytes) -> {
          written.add(part);
          if (written.size() >= 4) {
            int old = written.size() - 3;
            WeakReference<PDDocument> ref = taken.get(old);
            for (int attempt = 0; ref != null && ref.get() != null && attempt < 50; attempt++) {
              System.gc();
            }
            if (ref == null || ref.get() != null) {
              kept.add("written part no. " + (old + 1) + " still held after part " + part);
            }
          }
        };
    Path out;
    try {
      // One article per chunk: the front matter and 6 parts.
      out = ChunkedPdfTest.buildInto(dir.resolve("out"), posts, 1, 1, null, Format.PDF);
    } finally {
      ChunkedPdf.joinWatcher = null;
      ChunkedPdf.takenWatcher = null;
    }
    assertThat(written).hasSize(7);
    assertThat(kept).isEmpty();
    try (PDDocument pdf = Loader.loadPDF(out.resolve("d.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(7);
    }
  }
}
