package dev.gazette.fuzz;

import dev.gazette.model.Post;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.normalize.NormalizeContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

/**
 * The normalizer on generated tag soup: it never throws, its output is always well-formed XML (read
 * back by the JDK's parser with DTDs refused) and normalizing the output again changes nothing.
 */
class HtmlNormalizerFuzzTest {
  private static final HtmlNormalizer NORMALIZER = new HtmlNormalizer(12, "https://example.org");
  private static final Post POST =
      Post.builder(Path.of("fuzz.md"), "fuzz.md").body(() -> "").build();

  @Provide
  Arbitrary<String> html() {
    return FuzzInputs.html();
  }

  static String normalize(String html) {
    return NORMALIZER.normalize(
        html,
        new NormalizeContext(
            POST, "a001", "A title no heading repeats", (post, src, problems) -> Optional.empty()));
  }

  @Property
  void outputIsWellFormedXhtmlAndStable(@ForAll("html") String html) throws Exception {
    String once = normalize(html);
    parse(once);
    Assertions.assertThat(normalize(once)).as("normalizing twice").isEqualTo(once);
  }

  static void parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.newDocumentBuilder()
        .parse(
            new ByteArrayInputStream(
                ("<body xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</body>")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Found by this test's random run: the steps after the depth limit nested a list's divs as list
   * items past the limit, and normalizing again cut the innermost table's row.
   */
  @Example
  void markupNestedPastTheLimitByTheStepsIsStableToo() throws Exception {
    String once = normalize("<table><td><ul><div><div></div><ul><p><ul><div><table><div><tr>");
    parse(once);
    Assertions.assertThat(normalize(once)).isEqualTo(once);
  }

  @Example
  void tenThousandNestedDivsAreFlattened() throws Exception {
    String out = normalize("<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000));
    parse(out);
    Assertions.assertThat(out).contains("deep");
  }
}
