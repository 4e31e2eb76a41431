package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import dev.gazette.util.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every href and src written is a URL EPUBCheck accepts (RSC-020): hostile URLs, generated, go into
 * posts as HTML links, Markdown links, images and "original" links; each batch of 250 makes one
 * EPUB that EPUBCheck must pass with no error. Five batches: 1,250 URLs.
 */
class HostileUrlsTest {
  private static final Gazette GAZETTE = Gazette.create();

  @Provide
  Arbitrary<String> url() {
    Arbitrary<String> scheme =
        Arbitraries.of(
            "http://",
            "https://",
            "HTTP://",
            "//",
            "mailto:",
            "http://%20http://",
            " https://",
            "http:/",
            "https:\\\\",
            "http://user:pa ss@");
    Arbitrary<String> host =
        Arbitraries.of(
            "example.org",
            "例子.测试",
            "exa mple.com",
            "a\\b.com",
            "[::1]",
            "[::1",
            "127.0.0.1",
            "example.org:99999",
            "example.org:80",
            "example.org:",
            "%41.com",
            "xn--fsq.com",
            "-bad-.com",
            "",
            "ex%20ample.org",
            "münchen.de",
            "host_name.org",
            "a..b",
            "EXAMPLE.ORG",
            "1.2.3.999",
            "example.org:8o");
    Arbitrary<String> chunk =
        Arbitraries.strings()
            .withChars("[]{}|\\^`\"<>%' #?&;=:@!$()*+,/~._-中文é\t\u00a0\u200b\u3000aZ09")
            .ofMaxLength(12);
    Arbitrary<String> path = chunk.map(c -> "/" + c);
    Arbitrary<String> query =
        Arbitraries.of("", "?a[0]=1&b[]=2", "?q=a b", "?x=%zz", "?y=%E4%B8%AD", "?z=\"<>\"")
            .flatMap(q -> chunk.map(c -> q.isEmpty() ? q : q + c));
    Arbitrary<String> fragment =
        Arbitraries.of("", "#", "#a b", "#x#y", "#中").flatMap(f -> chunk.map(c -> f + c));
    return Combinators.combine(scheme, host, path, query, fragment)
        .as((s, h, p, q, f) -> s + h + p + q + f);
  }

  @Property(tries = 5, seed = "15")
  void everyLinkWrittenIsAValidUrl(@ForAll("urls") List<String> urls, @ForAll("batch") int batch)
      throws Exception {
    Path dir = Files.createTempDirectory("hostile-urls");
    Path src = dir.resolve("posts");
    for (int i = 0; i < urls.size(); i++) {
      String u = urls.get(i);
      String attr = u.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
      String body =
          switch (i % 4) {
            case 0 -> "<p><a href=\"" + attr + "\">link " + i + "</a></p>\n";
            case 1 -> "Text [link " + i + "](<" + u.replace("<", "").replace(">", "") + ">).\n";
            case 2 -> "<p><img src=\"" + attr + "\" alt=\"pic " + i + "\"></p>\n";
            default -> "<blockquote cite=\"" + attr + "\"><p>quote " + i + "</p></blockquote>\n";
          };
      String link = u.replace("'", "''");
      TestPosts.write(
          src,
          String.format("p%03d.md", i),
          "---\ntitle: Post "
              + i
              + "\ndate: 2021-07-02 10:00\nlink: '"
              + link
              + "'\n---\n\n"
              + body);
    }
    DigestResult result =
        GAZETTE.build(
            TestBuilds.utc(src, dir.resolve("out"))
                .name("urls-" + batch)
                .title("URLs")
                .offline(true)
                .cover(false)
                .formats(Format.EPUB)
                .build());
    Path epub = result.outputs().get(0).path();
    // No error, fatal or warning, except EPUBCheck's advice to prefer https over the http links the
    // posts hold (RSC-031): rewriting a link's scheme would change where it goes.
    assertThat(Epubs.check(epub)).filteredOn(m -> !m.startsWith("WARNING RSC-031 ")).isEmpty();
    // Links were kept, not all dropped: the test would pass trivially otherwise.
    Map<String, String> entries = Epubs.textEntries(epub);
    long links =
        entries.values().stream().mapToLong(t -> t.split("href=\"http", -1).length - 1).sum();
    assertThat(links).isGreaterThan(50);
  }

  @Provide
  Arbitrary<List<String>> urls() {
    return url().list().ofSize(250);
  }

  @Provide
  Arbitrary<Integer> batch() {
    return Arbitraries.integers().between(1, 1000);
  }

  @Example
  void repairsWhatCanBeRepairedAndRefusesTheRest() {
    assertThat(Urls.followable("https://example.org/a b?x[0]=1#frag ment"))
        .contains("https://example.org/a%20b?x%5B0%5D=1#frag%20ment");
    assertThat(Urls.followable("https://例子.测试/路径"))
        .contains("https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84");
    assertThat(Urls.followable("http://example.org/a\\b")).contains("http://example.org/a%5Cb");
    assertThat(Urls.followable("http://example.org/%zz%41"))
        .contains("http://example.org/%25zz%41");
    assertThat(Urls.followable("http://%20http://example.org/")).isEmpty();
    assertThat(Urls.followable("http://exa\\mple.org/")).isEmpty();
    assertThat(Urls.followable("http://example.org:99999/")).isEmpty();
    assertThat(Urls.followable("javascript:alert(1)")).isEmpty();
    assertThat(Urls.followable("mailto:someone@example.org?subject=hi there"))
        .contains("mailto:someone@example.org?subject=hi%20there");
  }
}
