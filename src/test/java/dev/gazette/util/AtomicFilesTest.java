package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void failedWriteLeavesThePreviousFileAndNoTemporary() throws Exception {
    Path target = dir.resolve("digest.epub");
    Files.writeString(target, "previous");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half a new fi".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("previous");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void completedWriteReplacesTheFileReadableByOthers() throws Exception {
    Path target = dir.resolve("sub/digest.pdf");
    AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(Files.getPosixFilePermissions(target).toString()).contains("OTHERS_READ");
  }

  @Test
  void aLeftoverTemporaryIsRemovedByTheNextWriteButOneStillBeingWrittenIsNot() throws Exception {
    Path target = dir.resolve("digest.epub");
    Path leftover = dir.resolve(".digest.epub.123.part");
    Files.writeString(leftover, "half of a killed run's output");
    Path active = dir.resolve(".digest.epub.456.part");
    Path otherTarget = dir.resolve(".other.epub.789.part");
    Files.writeString(otherTarget, "another file's temporary");
    try (var channel =
            java.nio.channels.FileChannel.open(
                Files.createFile(active), java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      AtomicFiles.write(target, out -> out.write(1));
      assertThat(leftover).doesNotExist();
      assertThat(active).as("locked by a writer still at work").exists();
      assertThat(otherTarget).as("belongs to another target").exists();
    }
    assertThat(Files.readAllBytes(target)).containsExactly(1);
  }

  @Test
  void writersOfTheSameTargetAtOnceAllFinishAndLeaveOneCompleteFile() throws Exception {
    // Each write first clears unlocked temporaries of the target; one made by another writer but
    // not yet opened is unlocked too, and its writer must start over instead of failing.
    Path target = dir.resolve("same.epub");
    int writers = 4;
    int writes = 150;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int w = 0; w < writers; w++) {
        byte[] content = ("writer " + w + " ").repeat(1000).getBytes(StandardCharsets.US_ASCII);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < writes; i++) {
                    AtomicFiles.write(target, out -> out.write(content));
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(); // rethrows a writer's failure
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(new String(Files.readAllBytes(target), StandardCharsets.US_ASCII))
        .matches("(writer [0-3] ){1000}");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("same.epub");
    }
  }
}
