package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** {@link FreshThread}: the work runs on a new thread, its result and its failures come back. */
class FreshThreadTest {
  @Test
  void runsOnANewThreadAndReturnsItsResult() throws Exception {
    Thread caller = Thread.currentThread();
    Thread[] ran = new Thread[1];
    String result =
        FreshThread.call(
            "gazette-test",
            () -> {
              ran[0] = Thread.currentThread();
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(ran[0]).isNotSameAs(caller);
    assertThat(ran[0].getName()).isEqualTo("gazette-test");
    ran[0].join(1_000);
    assertThat(ran[0].isAlive()).isFalse(); // ended with the work: its thread-locals are gone
  }

  @Test
  void itsFailuresAreThrownToTheCaller() {
    assertThatThrownBy(
            () ->
                FreshThread.call(
                    "gazette-test",
                    () -> {
                      throw new IOException("no such part");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("no such part");
    assertThatThrownBy(
            () ->
                FreshThread.call(
                    "gazette-test",
                    () -> {
                      throw new UncheckedIOException(new IOException("wrapped"));
                    }))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(
            () ->
                FreshThread.call(
                    "gazette-test",
                    () -> {
                      throw new OutOfMemoryError("Java heap space");
                    }))
        .isInstanceOf(OutOfMemoryError.class); // the launcher's one-line message still applies
    assertThatThrownBy(
            () ->
                FreshThread.call(
                    "gazette-test",
                    () -> {
                      throw new Exception("checked");
                    }))
        .isInstanceOf(IOException.class)
        .hasRootCauseMessage("checked");
  }
}
