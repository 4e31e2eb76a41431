package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.digest.OutputName;
import dev.gazette.model.DateRange;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer reached for: --year, categories and tags in list, names, typo hints. */
class CliComfortsTest {
  @TempDir static Path tmp;
  static Path posts;

  static String post(String title, String date, String category, String tags) {
    return "---\ntitle: "
        + title
        + "\ndate: "
        + date
        + "\ncategories: ["
        + category
        + "]\ntags: ["
        + tags
        + "]\n---\n\nNotes about "
        + title
        + ", written for this test.\n";
  }

  @BeforeAll
  static void write() {
    posts = tmp.resolve("blog");
    TestPosts.write(posts, "a.md", post("Old news", "2017-12-31", "news", "archive"));
    TestPosts.write(posts, "b.md", post("Borrowing", "2018-01-02", "rust", "compiler, borrowck"));
    TestPosts.write(posts, "c.md", post("Lifetimes", "2018-06-15", "rust", "compiler"));
    TestPosts.write(posts, "d.md", post("Summer trip", "2018-07-20", "travel", "photos"));
    TestPosts.write(posts, "e.md", post("New year", "2019-01-01", "news", "archive"));
  }

  static PeriodicalFixture.Run run(String... args) {
    return PeriodicalFixture.run(args);
  }

  static List<String> postLines(String out) {
    return out.lines().filter(l -> !l.startsWith("#")).toList();
  }

  @Test
  void yearTakesOneCalendarYearInTheZone() {
    PeriodicalFixture.Run r = run("list", posts.toString(), "--year", "2018", "--zone", "UTC");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(postLines(r.out()))
        .extracting(l -> l.substring(0, 10))
        .containsExactly("2018-01-02", "2018-06-15", "2018-07-20");
  }

  @Test
  void yearIsARangeLikeTheOthers() throws Exception {
    PeriodicalFixture.Run both =
        run("list", posts.toString(), "--year", "2018", "--month", "2018-01");
    assertThat(both.code()).isEqualTo(Main.USAGE);
    assertThat(both.err()).contains("give one of week, month, year, days or from/to");
    assertThat(run("list", posts.toString(), "--year", "last").code()).isEqualTo(Main.USAGE);

    // gazette.yml says year; the command line's range replaces it
    Path yml = TestPosts.write(tmp, "year.yml", "year: 2019\nzone: UTC\n");
    PeriodicalFixture.Run file = run("list", posts.toString(), "--config", yml.toString());
    assertThat(postLines(file.out())).hasSize(1).allMatch(l -> l.startsWith("2019-01-01"));
    PeriodicalFixture.Run over =
        run("list", posts.toString(), "--config", yml.toString(), "--month", "2018-06");
    assertThat(postLines(over.out())).hasSize(1).allMatch(l -> l.startsWith("2018-06-15"));
  }

  @Test
  void aYearDigestIsNamedAfterTheYearAndIsThatYearsIssue() throws Exception {
    Path out = tmp.resolve("year-out");
    PeriodicalFixture.Run r =
        run(
            "build",
            posts.toString(),
            "--year",
            "2018",
            "--zone",
            "UTC",
            "--format",
            "epub",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path epub = out.resolve("blog-2018.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/content.opf"))
        .contains("<meta name=\"calibre:series_index\" content=\"2018\"/>");
  }

  @Test
  void listShowsEachPostsCategoriesAndTags() {
    PeriodicalFixture.Run r = run("list", posts.toString(), "--year", "2018", "--zone", "UTC");
    assertThat(postLines(r.out()))
        .first()
        .isEqualTo("2018-01-02        Borrowing  b.md  categories: rust; tags: compiler, borrowck");
  }

  @Test
  void listCountsCategoriesAndTagsWhenAskedWithoutAValue() {
    PeriodicalFixture.Run cats = run("list", posts.toString(), "--categories");
    assertThat(cats.code()).as(cats.err()).isZero();
    assertThat(cats.out().lines())
        .containsExactly("# 3 categories in 5 posts", "2  news", "2  rust", "1  travel");

    PeriodicalFixture.Run tags =
        run("list", posts.toString(), "--zone", "UTC", "--year", "2018", "--tags");
    assertThat(tags.out().lines())
        .containsExactly("# 3 tags in 3 posts", "2  compiler", "1  borrowck", "1  photos");

    // a value still filters; the bare option then counts what the filter kept
    PeriodicalFixture.Run both = run("list", posts.toString(), "--category", "rust", "--tags");
    assertThat(both.out().lines())
        .containsExactly("# 2 tags in 2 posts", "2  compiler", "1  borrowck");
    PeriodicalFixture.Run filtered = run("list", posts.toString(), "--categories", "travel");
    assertThat(postLines(filtered.out())).hasSize(1).allMatch(l -> l.contains("Summer trip"));
  }

  @Test
  void theDefaultNameNamesTheCategoryOrTagFilter() throws Exception {
    Path out = tmp.resolve("named");
    PeriodicalFixture.Run r =
        run(
            "build",
            posts.toString(),
            "--year",
            "2018",
            "--zone",
            "UTC",
            "--tags",
            "compiler",
            "--format",
            "epub",
            "--no-cover",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("blog-2018-compiler.epub")).exists();

    DateRange week = DateRange.ofIsoWeek("2024-W03");
    assertThat(OutputName.of(null, week, "2024-W03", Path.of("site/_posts"), List.of()))
        .isEqualTo("posts-2024-W03");
    assertThat(OutputName.of(null, week, "2024-W03", Path.of("blog"), List.of("rust")))
        .isEqualTo("blog-2024-W03-rust");
    assertThat(OutputName.of(null, week, "2024-W03", Path.of("blog"), List.of("C++ / Rust", "新闻")))
        .isEqualTo("blog-2024-W03-C-Rust-新闻");
    assertThat(OutputName.of("x-{week}", week, "2024-W03", Path.of("blog"), List.of("rust")))
        .isEqualTo("x-3");
  }

  @Test
  void aMistypedCommandOrOptionGetsOneLineWithTheRightOne() {
    PeriodicalFixture.Run command = run("biuld", posts.toString());
    assertThat(command.code()).isEqualTo(Main.USAGE);
    assertThat(command.err()).isEqualTo("gazette: unknown command 'biuld'. Did you mean: build?\n");
    assertThat(command.out()).isEmpty();

    PeriodicalFixture.Run option = run("list", posts.toString(), "--yaer", "2018");
    assertThat(option.code()).isEqualTo(Main.USAGE);
    assertThat(option.err()).isEqualTo("gazette: unknown option '--yaer'. Did you mean: --year?\n");
    assertThat(Suggestions.closest("--formt", List.of("--formats", "--format", "--font-sans")))
        .containsExactly("--format");
    assertThat(Suggestions.closest("--fromats", List.of("--formats", "--format", "--from")))
        .containsExactly("--formats", "--format");

    PeriodicalFixture.Run nothingLikeIt = run("frobnicate");
    assertThat(nothingLikeIt.code()).isEqualTo(Main.USAGE);
    assertThat(nothingLikeIt.err())
        .isEqualTo(
            "gazette: unknown command 'frobnicate' (commands: build, list, check, publish,"
                + " send, help)\n");
  }

  /**
   * Every {@code bin/gazette build FILE.md} (or {@code java -jar target/gazette.jar build FILE.md})
   * line in the README runs as written.
   */
  @Test
  void theReadmesOneFileExampleRunsAsWritten() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("(?:bin/gazette|java -jar target/gazette\\.jar) build (\\S+\\.md)(?=\\s)")
            .matcher(readme);
    List<String> files = new ArrayList<>();
    while (m.find()) {
      files.add(m.group(1));
    }
    assertThat(files).as("one-file examples in README.md").isNotEmpty();
    for (String file : files) {
      assertThat(Path.of(file)).as(file + " named in README.md").isRegularFile();
      Path out = tmp.resolve("readme-" + files.indexOf(file));
      PeriodicalFixture.Run r = run("build", file, "--format", "epub", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      Path epub;
      try (var listing = Files.list(out)) {
        epub = listing.filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
      }
      assertThat(Epubs.check(epub)).isEmpty();
    }
  }

  /** The README's "One file" section, checked on a file shaped as it describes. */
  @Test
  void oneFileBecomesABookAsTheReadmeSays() throws Exception {
    Path notes =
        TestPosts.write(
            tmp,
            "one/notes.md",
            "# Notes\n\nWhy these notes exist.\n\n## Setup\n\nInstall it.\n\n"
                + "## Use\n\nRun it. See [setup](#setup).\n");
    Path out = tmp.resolve("one-out");
    PeriodicalFixture.Run r =
        run("build", notes.toString(), "--format", "epub", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path epub = out.resolve("notes.epub");
    var entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains("<dc:title>Notes</dc:title>");
    String nav = entries.get("OEBPS/nav.xhtml");
    assertThat(nav).contains(">Setup</a>").contains(">Use</a>");
    assertThat(entries.keySet().stream().filter(k -> k.matches("OEBPS/a\\d+\\.xhtml")))
        .as("an opening chapter and one per heading")
        .hasSize(3);
  }
}
