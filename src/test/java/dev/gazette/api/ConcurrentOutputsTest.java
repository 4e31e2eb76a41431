package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Outputs written side by side come back in request order, and failures wait for the others. */
class ConcurrentOutputsTest {
  private static OutputFile file(Format f) {
    return new OutputFile(f, Path.of("d." + f.extension()), 1, "00");
  }

  @Test
  void resultsKeepJobOrderAndJobsReallyOverlap() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    ConcurrentOutputs.Job epub =
        () -> {
          bothRunning.countDown();
          await(bothRunning);
          return file(Format.EPUB);
        };
    ConcurrentOutputs.Job pdf =
        () -> {
          bothRunning.countDown();
          await(bothRunning);
          return file(Format.PDF);
        };
    // Each job waits for the other to start: sequential execution would fail here.
    assertThat(ConcurrentOutputs.writeAll(List.of(epub, pdf)))
        .extracting(OutputFile::format)
        .containsExactly(Format.EPUB, Format.PDF);
  }

  @Test
  void aFailureIsThrownOnlyAfterTheOtherOutputIsComplete() {
    AtomicBoolean otherFinished = new AtomicBoolean();
    ConcurrentOutputs.Job failing =
        () -> {
          throw new GazetteException(GazetteException.Reason.IO, "disk full");
        };
    ConcurrentOutputs.Job slow = slowJob(otherFinished);
    assertThatThrownBy(() -> ConcurrentOutputs.writeAll(List.of(failing, slow)))
        .isInstanceOf(GazetteException.class)
        .hasMessageContaining("disk full");
    assertThat(otherFinished).isTrue();
  }

  @Test
  void anUnexpectedFailureAlsoWaitsForTheOtherOutput() {
    AtomicBoolean otherFinished = new AtomicBoolean();
    ConcurrentOutputs.Job failing =
        () -> {
          throw new IllegalStateException("renderer bug");
        };
    ConcurrentOutputs.Job slow = slowJob(otherFinished);
    assertThatThrownBy(() -> ConcurrentOutputs.writeAll(List.of(failing, slow)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("renderer bug");
    assertThat(otherFinished).isTrue();
  }

  private static void await(CountDownLatch latch) throws GazetteException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new GazetteException(GazetteException.Reason.IO, "jobs did not overlap");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GazetteException(GazetteException.Reason.IO, "interrupted");
    }
  }

  /** A PDF job that takes a while and says when it is done. */
  private static ConcurrentOutputs.Job slowJob(AtomicBoolean finished) {
    return () -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished.set(true);
      return file(Format.PDF);
    };
  }
}
