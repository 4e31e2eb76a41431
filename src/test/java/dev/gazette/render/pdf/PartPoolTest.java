package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link PartPool}: results in the order given whatever order the tasks end in, a task may wait for
 * one given before it at any thread count, each task on a fresh thread, failures in order.
 */
class PartPoolTest {
  @Test
  void resultsComeInTheOrderGivenNotTheOrderTheyEnd() throws Exception {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Callable<String>> work = new ArrayList<>();
    work.add(
        () -> {
          // The first task ends only after the second: its result still comes first.
          assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
          return "first";
        });
    work.add(
        () -> {
          secondDone.countDown();
          return "second";
        });
    try (PartPool pool = new PartPool(2)) {
      assertThat(pool.all("gazette-test", work)).containsExactly("first", "second");
    }
  }

  @Test
  void aTaskMayWaitForOneGivenBeforeItOnOneThreadOrMany() throws Exception {
    for (int threads : new int[] {1, 2, 5}) {
      int n = 8;
      List<CompletableFuture<Integer>> counts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        counts.add(new CompletableFuture<>());
      }
      List<Callable<Integer>> work = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int part = k;
        work.add(
            () -> {
              counts.get(part).complete(part + 1);
              int before = 0;
              for (int j = 0; j < part; j++) {
                before += counts.get(j).join();
              }
              return before;
            });
      }
      try (PartPool pool = new PartPool(threads)) {
        // Each part's first page, as the chunks number on from the parts before them.
        assertThat(pool.all("gazette-test", work))
            .as("%d threads", threads)
            .containsExactly(0, 1, 3, 6, 10, 15, 21, 28);
      }
    }
  }

  @Test
  void eachTaskRunsOnAFreshThreadThatEndsWithIt() throws Exception {
    Thread[] ran = new Thread[2];
    try (PartPool pool = new PartPool(1)) {
      Future<Thread> a = pool.submit("gazette-test-a", Thread::currentThread);
      Future<Thread> b = pool.submit("gazette-test-b", Thread::currentThread);
      ran[0] = PartPool.get(a);
      ran[1] = PartPool.get(b);
    }
    assertThat(ran[0]).isNotSameAs(ran[1]);
    assertThat(ran[0].getName()).isEqualTo("gazette-test-a");
    assertThat(ran[1].getName()).isEqualTo("gazette-test-b");
    ran[0].join(1_000);
    assertThat(ran[0].isAlive()).isFalse();
  }

  @Test
  void theFirstFailureInOrderIsThrownAsItIs() {
    List<Callable<String>> work = new ArrayList<>();
    work.add(() -> "fine");
    work.add(
        () -> {
          throw new IOException("part 1 is broken");
        });
    work.add(
        () -> {
          throw new IllegalStateException("part 2 is broken too");
        });
    try (PartPool pool = new PartPool(3)) {
      assertThatThrownBy(() -> pool.all("gazette-test", work))
          .isInstanceOf(IOException.class)
          .hasMessage("part 1 is broken");
    }
  }

  @Test
  void aPoolNeedsAThread() {
    assertThatThrownBy(() -> new PartPool(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
