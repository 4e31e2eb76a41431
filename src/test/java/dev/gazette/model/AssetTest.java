package dev.gazette.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An asset made later (the painted cover) waits for its bytes and reports why they failed. */
class AssetTest {
  @Test
  void laterAssetWaitsForItsBytes() throws Exception {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Asset later = Asset.later("images/cover.jpg", "image/jpeg", bytes, 1600, 2560);
    assertThat(later.width()).isEqualTo(1600);
    assertThat(later.height()).isEqualTo(2560);
    assertThat(later.toString()).contains("still being made");

    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              started.countDown();
              return later.bytes();
            });
    started.await();
    assertThat(read).isNotDone();
    bytes.complete(new byte[] {1, 2, 3});
    assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
    assertThat(later.bytes()).containsExactly(1, 2, 3);
    assertThat(later.toString()).isEqualTo("images/cover.jpg (image/jpeg, 3 bytes)");
  }

  @Test
  void failedBytesComeOutWithTheirCause() {
    IllegalArgumentException cause = new IllegalArgumentException("cannot draw with font x.ttf");
    Asset later =
        Asset.later(
            "images/cover.jpg", "image/jpeg", CompletableFuture.failedFuture(cause), 16, 16);
    assertThatThrownBy(later::bytes)
        .isInstanceOf(Asset.Unavailable.class)
        .hasCause(cause)
        .hasMessageContaining("images/cover.jpg")
        .hasMessageContaining("cannot draw with font x.ttf");
    assertThat(later.toString()).isEqualTo("images/cover.jpg (image/jpeg, no bytes)");
  }

  @Test
  void equalByHrefWhetherLaterOrNot() {
    Asset now = new Asset("images/cover.jpg", "image/jpeg", new byte[] {1}, 16, 16);
    Asset later = Asset.later("images/cover.jpg", "image/jpeg", new CompletableFuture<>(), 16, 16);
    assertThat(later).isEqualTo(now).hasSameHashCodeAs(now);
    assertThat(new Asset("images/a.png", "image/png", new byte[] {1}, 1, 1)).isNotEqualTo(now);
  }
}
