package dev.gazette.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.model.Metadata;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import dev.gazette.model.SkippedPost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as JSON for scripts and CI jobs: what was selected, which posts went in (and into which
 * section), which were skipped and why, every problem, the images and every file written with its
 * size and SHA-256. Keys come in a fixed order and nothing depends on the clock, so the same run
 * gives the same report. Fields are described in the README's "Run report" section.
 */
public final class RunReport {
  /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
  public static final int VERSION = 1;

  private static final ObjectWriter JSON =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private RunReport() {}

  /** The report of a run; {@code result} may hold no outputs (an empty selection). */
  public static String json(DigestRequest request, DigestResult result) {
    return json(request, result, null);
  }

  /**
   * The report of a run that failed: status {@code failed}, the reason and the problems behind it.
   */
  public static String failed(DigestRequest request, String reason, List<Problem> problems) {
    return json(
        request,
        DigestResult.nothingWritten(
            List.of(),
            problems,
            new dev.gazette.model.Ordering(dev.gazette.model.OrderRule.DATE, "publication date")),
        reason);
  }

  /** What readers' libraries show, and where each value came from. */
  private static Map<String, Object> metadata(Metadata m) {
    return ordered(
        "authors",
        m.authors(),
        "publisher",
        m.publisher(),
        "series",
        m.series(),
        "issue",
        m.issue(),
        "subject",
        m.subject(),
        "keywords",
        m.keywords(),
        "language",
        m.language(),
        "origins",
        m.origins());
  }

  private static String json(DigestRequest request, DigestResult result, String failure) {
    Map<String, Object> root = new LinkedHashMap<>();
    Path source = request.source().toAbsolutePath().normalize();
    Path base = Files.isDirectory(source) ? source : source.getParent();
    root.put("reportVersion", VERSION);
    root.put("status", failure != null ? "failed" : result.outputs().isEmpty() ? "empty" : "built");
    if (failure != null) {
      root.put("failure", failure);
    }
    root.put("title", result.title());
    Digest digest = result.digest();
    if (digest != null) {
      root.put("metadata", metadata(digest.metadata()));
    }
    root.put("selection", selection(request));
    List<Map<String, Object>> posts = new ArrayList<>();
    if (digest != null) {
      for (Section s : digest.sections()) {
        for (Article a : s.allArticles()) {
          posts.add(post(a.post(), a.title(), s.title(), request));
        }
      }
    }
    List<Map<String, Object>> skipped = new ArrayList<>();
    for (SkippedPost s : result.skipped()) {
      skipped.add(ordered("path", relative(base, s.file()), "reason", s.reason()));
    }
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : result.problems()) {
      problems.add(
          ordered(
              "severity",
              p.severity().name().toLowerCase(Locale.ROOT),
              "file",
              p.file() == null ? null : relative(base, p.file()),
              "line",
              p.line(),
              "message",
              p.message()));
    }
    root.put(
        "counts",
        ordered(
            "included",
            posts.size(),
            "skipped",
            skipped.size(),
            "drafts",
            dev.gazette.model.LeftOut.drafts(result.skipped()),
            "wallClockCorrected",
            posts.stream().filter(p -> p.containsKey("wallClock")).count(),
            "warnings",
            count(result, Problem.Severity.WARNING),
            "errors",
            count(result, Problem.Severity.ERROR)));
    root.put(
        "sections",
        digest == null
            ? List.of()
            : digest.sections().stream()
                .map(
                    s ->
                        ordered(
                            "id", s.id(), "title", s.title(), "articles", s.allArticles().size()))
                .toList());
    root.put("posts", posts);
    root.put("skipped", skipped);
    root.put("problems", problems);
    root.put("images", images(digest, result, base));
    root.put("outputs", result.outputs().stream().map(RunReport::output).toList());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the run report: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> selection(DigestRequest request) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", request.source().toString().replace('\\', '/'));
    m.put("from", request.range() == null ? null : request.range().from().toString());
    m.put("to", request.range() == null ? null : request.range().to().toString());
    m.put("label", request.range() == null ? null : request.range().label());
    m.put("zone", request.zone().getId());
    m.put("groupBy", request.effectiveGrouping().key());
    m.put("categories", request.categories());
    m.put("excludeCategories", request.excludeCategories());
    m.put("tags", request.tags());
    m.put("excludeTags", request.excludeTags());
    return m;
  }

  private static Map<String, Object> post(
      Post post, String title, String section, DigestRequest request) {
    Map<String, Object> m =
        ordered(
            "path",
            post.relativePath(),
            "title",
            title,
            "date",
            post.date().map(d -> date(d, request)).orElse(null),
            "section",
            section);
    // Only for posts a wall-clock override moved: the zone their written time was read in.
    post.date()
        .filter(PostDate::corrected)
        .ifPresent(d -> m.put("wallClock", d.wallClock().getId()));
    return m;
  }

  /** ISO date-time with offset in the digest zone; a date only for posts that give no time. */
  static String date(PostDate date, DigestRequest request) {
    return date.dateOnly()
        ? date.day(request.zone()).toString()
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.instant().atZone(request.zone()));
  }

  private static Map<String, Object> images(Digest digest, DigestResult result, Path base) {
    List<Map<String, Object>> embedded = new ArrayList<>();
    if (digest != null) {
      for (Asset a : digest.assets()) {
        embedded.add(asset(a));
      }
    }
    // Image problems are warnings whose message starts with "image '…'" (see the image resolvers).
    List<Map<String, Object>> failed =
        result.problems().stream()
            .filter(p -> p.message().startsWith("image '"))
            .map(
                p ->
                    ordered(
                        "file",
                        p.file() == null ? null : relative(base, p.file()),
                        "message",
                        p.message()))
            .toList();
    var c = result.images();
    return ordered(
        "fetched",
        c.fetched(),
        "fromCache",
        c.fromCache(),
        "local",
        c.local(),
        "failedCount",
        c.failed(),
        "reused",
        c.reused(),
        "bytesBefore",
        c.bytesBefore(),
        "bytesAfter",
        c.bytesAfter(),
        "embedded",
        embedded,
        "failed",
        failed,
        "cover",
        digest == null || digest.cover() == null ? null : asset(digest.cover()));
  }

  private static Map<String, Object> asset(Asset a) {
    return ordered(
        "href",
        a.href(),
        "mediaType",
        a.mediaType(),
        "bytes",
        a.bytes().length,
        "width",
        a.width(),
        "height",
        a.height());
  }

  private static Map<String, Object> output(OutputFile o) {
    return ordered(
        "format",
        o.format().extension(),
        "path",
        o.path().toString().replace('\\', '/'),
        "size",
        o.size(),
        "sha256",
        o.sha256());
  }

  private static long count(DigestResult result, Problem.Severity severity) {
    return result.problems().stream().filter(p -> p.severity() == severity).count();
  }

  private static String relative(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
