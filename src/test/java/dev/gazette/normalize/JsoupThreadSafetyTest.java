package dev.gazette.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Posts are normalized on several threads, each its own tree, so jsoup must keep no shared mutable
 * state between trees. jsoup 1.22.1 did: every element without children shared one static empty
 * child list, and {@code Element.empty()} (called by {@code text(String)} on a new element) cleared
 * it, which counts as a change; another thread reading any childless element's text nodes then
 * failed with a ConcurrentModificationException. On ruanyf/weekly (410 issues, pictures left out
 * offline, so {@code Images} made many {@code <a>} notes with {@code text()}) 1-3 posts a build
 * were skipped, different ones each time.
 */
class JsoupThreadSafetyTest {
  @Test
  void newElementsGivenTextDoNotDisturbOtherTrees() throws Exception {
    Element childless = new Element("p");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              started.countDown();
              try {
                while (!stop.get()) {
                  assertThat(childless.textNodes()).isEmpty();
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    started.await();
    for (int i = 0; i < 2_000_000 && failure.get() == null; i++) {
      new Element("a").text("[图片无法载入]").appendChild(new TextNode(" "));
    }
    stop.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
  }
}
