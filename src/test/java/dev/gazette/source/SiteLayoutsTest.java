package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front-matter keys a Jekyll or Eleventy site's layouts never show on its pages. */
class SiteLayoutsTest {
  static final List<String> KEYS = List.of("image", "cover", "thumbnail");

  @TempDir Path dir;

  /** ESLint's blog: {@code image} only becomes the page's og:image, through two assignments. */
  static void eslintLayouts(Path site) {
    TestPosts.write(
        site,
        "src/_includes/layouts/base.html",
        """
        <!DOCTYPE html>
        {# Dynamic blog post image logic #}
        {% if hook == "post blog-post-page" %}
            {% if image %}
                {% set blog_img_file = image %}
            {% else %}
                {% set blog_img_file = 'announcements.png' %}
            {% endif %}
            {% set cover_image = ["https://", site.hostname, "/assets/images/", blog_img_file] | join %}
        {% endif %}
        <meta property="og:image" content="{{ cover_image }}">
        <link rel="icon" href="/icon.svg" type="image/svg+xml">
        {{ content | safe }}
        """);
    TestPosts.write(
        site,
        "src/_includes/components/card.macro.html",
        """
        <!--
            Parameters:
                image
                title
        -->
        {%- macro card(params) -%}
            {%- if params.image -%}{%- set imageName = params.image -%}{%- endif -%}
            {%- image imageName, params.title -%}
        {%- endmacro -%}
        """);
    TestPosts.write(
        site,
        "src/_includes/partials/from-the-blog.html",
        "{{ card({ title: item.data.title, image: item.data.image }) }}\n");
  }

  @Test
  void aKeyMadeOnlyIntoASocialCardIsNeverShown() {
    Path site = dir.resolve("eslint");
    eslintLayouts(site);
    assertThat(SiteLayouts.unshownKeys(site, KEYS)).containsExactly("image", "cover", "thumbnail");
  }

  @Test
  void aKeyOutputInAPageOrHandedOnMayBeShown() {
    Path site = dir.resolve("crystal");
    TestPosts.write(
        site,
        "_layouts/post.html",
        "{%- if page.image %}\n  <img src=\"{{ page.image }}\" class=\"post-image\" alt=\"\">\n"
            + "{%- endif %}\n{% include figure.html src=page.cover %}\n{{ content }}\n");
    TestPosts.write(
        site,
        "_includes/thumb.html",
        "{% assign t = page.thumbnail | relative_url %}\n"
            + "<div style=\"background: url({{ t }})\">\n");
    assertThat(SiteLayouts.unshownKeys(site, KEYS)).isEmpty();
  }

  @Test
  void aSiteWithoutPageLayoutsMayShowAnyKey() {
    TestPosts.write(dir.resolve("gem-theme"), "_posts/2024-01-01-a.md", "# A\n");
    assertThat(SiteLayouts.unshownKeys(dir.resolve("gem-theme"), KEYS)).isEmpty();
    // a gem theme's partial overridden: the theme's own layouts may show any key
    TestPosts.write(dir.resolve("gem-theme"), "_includes/head.html", "<meta name=\"x\">\n");
    assertThat(SiteLayouts.unshownKeys(dir.resolve("gem-theme"), KEYS)).isEmpty();
    TestPosts.write(dir.resolve("gem-theme"), "_layouts/post.html", "<main>{{ content }}</main>\n");
    assertThat(SiteLayouts.unshownKeys(dir.resolve("gem-theme"), KEYS))
        .containsExactly("image", "cover", "thumbnail");
  }

  /** ESLint's 422 posts each said "header image not found" of a picture the site never shows. */
  @Test
  void anEleventyPostsSocialCardIsNoHeaderImageAndIsNotLookedFor() throws Exception {
    Path site = dir.resolve("blog");
    eslintLayouts(site);
    TestPosts.write(site, "eleventy.config.js", "module.exports = {};\n");
    Files.createDirectories(site.resolve("src/content/blog"));
    Files.write(
        site.resolve("src/content/blog/card.png"), TestImages.png(TestImages.photo(60, 30)));
    TestPosts.write(
        site,
        "src/content/blog/2024-01-02-release.md",
        "---\nlayout: post\ntitle: Released\nimage: card.png\n---\n\nText.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("src/content/blog"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));
    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("image"));
    assertThat(result.images().local()).isZero();
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }
}
