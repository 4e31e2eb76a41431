package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VuePress components in Markdown (nushell's release notes: {@code <PrBy :pr="18430"
 * user="Bahex"/>} under a heading, {@code <JumpToc/>} in headings, {@code <ReleaseToc/>} under
 * {@code # Table of contents}) were dropped by the sanitizer without a word, leaving an empty
 * "Table of contents" section.
 */
class SiteComponentsTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void componentsWithoutABodyAreRemovedAndNamedOnce() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "# Type system <JumpToc/> <PrBy :pr=\"18430\" user=\"Bahex\" />\n\n"
                + "Text with <Badge text=\"new\"/> inside, and `<PrBy/>` in code.\n\n"
                + "## Second <JumpToc/>\n\n"
                + "<PrBy :pr=\"18450\" user=\"Bahex\" />\n\n"
                + "```html\n<PrBy :pr=\"1\"/>\n```\n",
            warnings);
    assertThat(html)
        .doesNotContain("<PrBy :pr=\"18430\"", "<JumpToc", "<Badge", ":pr=\"18450\"")
        .contains("<h1>Type system", "<h2>Second")
        .contains("Text with  inside, and <code>&lt;PrBy/&gt;</code> in code.")
        .contains("&lt;PrBy :pr=&quot;1&quot;/&gt;");
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them):"
                + " <JumpToc/> ×2, <PrBy/> ×2, <Badge/>");
  }

  /**
   * react.dev's blog embeds its talks as {@code <YouTubeIframe src="…/embed/…"/>} and draws with
   * {@code <Illustration src="…png" alt="…"/>}: a picture and a player the page shows, which were
   * removed with the components only scripts draw.
   */
  @Test
  void anEmptyComponentWithASourceStandsForItsPictureOrPlayer() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "Watch the talk:\n\n"
                + "<YouTubeIframe src=\"https://www.youtube.com/embed/abcdefgh?t=97s\" />\n\n"
                + "<Illustration alt=\"A kettle 'on the boil'.\" src=\"/img/kettle.png\" />\n\n"
                + "Inline <Video src='./demo.mp4' title=\"The demo\"></Video> and"
                + " <Chart data=\"sales\" /> end.\n\n"
                // overreacted.io's videos, each with the frame shown before it plays
                + "<Video src=\"./3.mp4\" poster=\"./3-poster.jpg\" muted playsInline controls"
                + " />\n",
            warnings);
    assertThat(html)
        .contains(
            "<iframe src=\"https://www.youtube.com/embed/abcdefgh?t=97s\"></iframe>",
            "<img src=\"/img/kettle.png\" alt=\"A kettle 'on the boil'.\" />",
            "Inline <video src=\"./demo.mp4\" title=\"The demo\"></video> and  end.",
            "<video src=\"./3.mp4\" poster=\"./3-poster.jpg\"></video>")
        .doesNotContain("YouTubeIframe", "Illustration", "Video src", "Chart");
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them): <Chart/>");
  }

  @Test
  void aComponentKeepsItsBodyAndKeysInCapitalsAreNotComponents() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "<Tabs>\n"
                + "<TabItem value=\"apple\" label=\"Apple\">\n\n"
                + "An apple.\n\n"
                + "</TabItem>\n"
                + "</Tabs>\n\n"
                + "Press <kbd>Tab</kbd>, then <Callout type=\"tip\">mind the gap</Callout>.\n",
            warnings);
    assertThat(html)
        .doesNotContain("Tabs", "TabItem", "Callout")
        .contains(
            "<p><strong>Apple</strong>: An apple.</p>", "<kbd>Tab</kbd>", "then mind the gap.");
    assertThat(warnings).isEmpty();
  }

  /**
   * xeiaso.net writes its characters' dialogue as components ({@code <XeblogConv name="Cadey"
   * mood="enby">}): the speakers were lost, leaving a monologue. A component that opens a block
   * shows its title, label or name in bold before its body; one inside a sentence does not.
   */
  @Test
  void aComponentsLabelOpensItsBody() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "<Conv name=\"Mara\" mood=\"hacker\">\n"
                + "  Did you **really** run it in production?\n"
                + "</Conv>\n\n"
                + "<Note title=\"Install it\">\n\n"
                + "```sh\nnpm install x\n```\n\n"
                + "</Note>\n\n"
                + "<Admonition type=\"note\" title=\"注意\">\n"
                + "先备份。\n"
                + "</Admonition>\n\n"
                + "Ask <Person name=\"Ada\">her</Person> first.\n\n"
                + "<Slide name=\"talk/028\" essential></Slide>\n\n"
                + "After the slide.\n",
            warnings);
    assertThat(html)
        .contains(
            "<p><strong>Mara</strong>: Did you <strong>really</strong> run it in production?",
            "<p><strong>Install it</strong></p>\n<pre><code class=\"language-sh\">npm install x",
            "<p><strong>注意</strong>：先备份。",
            "Ask her first.",
            "<p>After the slide.</p>")
        .doesNotContain("Ada", "talk/028");
    // a component opened and closed with nothing between has nothing to show, and is named
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them): <Slide/>");
  }

  @Test
  void aTableOfContentsMarkerGoesWithTheHeadingOfItsOtherwiseEmptySection() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "Intro.\n\n# Table of contents\n\n<ReleaseToc/>\n\n# Highlights\n\nText.\n", warnings);
    assertThat(html)
        .doesNotContain("Table of contents", "ReleaseToc")
        .contains("<h1>Highlights</h1>");
    assertThat(warnings)
        .containsExactly(
            "the marker for the post's own table of contents removed, with the heading 'Table of"
                + " contents' above it (the digest has its own contents)");

    warnings.clear();
    html =
        markdown.toHtml(
            "## Contents\n\n[[toc]]\n\nSome words first.\n\n[TOC]\n\n[[_TOC_]]\n", warnings);
    assertThat(html)
        .contains("<h2>Contents</h2>", "<p>Some words first.</p>")
        .doesNotContain("toc]", "TOC]", "TOC_");
    assertThat(warnings)
        .containsExactly(
            "the marker for the post's own table of contents removed (the digest has its own"
                + " contents)");
  }

  @Test
  void aTypeInRunningTextStaysText() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "Returns a Vec<String> or a <Value>, never <Empty/>.\n\n<Object> is the root.\n",
            warnings);
    assertThat(html)
        .contains("Returns a Vec&lt;String&gt; or a &lt;Value&gt;, never .")
        .contains("<Object> is the root.");
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them): <Empty/>");
  }

  @Test
  void plainHtmlIsLeftAlone() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml("<div class=\"note\">\n\n**Hi** <span>x</span>\n\n</div>\n", warnings);
    assertThat(html).contains("<div class=\"note\">", "<span>x</span>");
    assertThat(warnings).isEmpty();
    assertThat(SiteComponents.mayHold("<div>plain</div> and [link](x)")).isFalse();
  }

  /** Component sources as a site keeps them: JSX, Vue, Svelte, and one computing its address. */
  private static final java.util.Map<String, String> SOURCES =
      java.util.Map.of(
          "XeblogPicture",
          """
          export default function XeblogPicture({ path, desc }: XeblogPicture) {
            return (
              <figure className="max-w-3xl">
                <a href={`https://files.example.net/${path}.jpg`}>
                  <picture>
                    <source type="image/avif" srcset={`https://files.example.net/${path}.avif`} />
                    <img alt={desc} loading="lazy" src={`https://files.example.net/${path}.jpg`} />
                  </picture>
                </a>
                {desc && <figcaption>{desc}</figcaption>}
              </figure>
            );
          }
          """,
          "YouTubeEmbed",
          """
          <script setup lang="ts">
          defineProps<{ id: string }>()
          const img = '<img src="x.png">'
          </script>
          <template>
            <div><iframe :src="`https://www.youtube-nocookie.com/embed/${id}`" title="player" /></div>
          </template>
          """,
          "GitHubLink",
          """
          <template>
            <span><a class="font-mono" :href="'https://github.com/' + repo" target="_blank">{{ name || repo }}</a></span>
          </template>
          """,
          "Badge",
          "<img src=\"https://img.example.net/{kind}/{label}.svg\" alt=\"{label}\">\n",
          "StreamVideo",
          """
          export default function StreamVideo({ path }) {
            const streamURL = `https://cdn.example.net/${path}/index.m3u8`;
            return (<video><source src={streamURL} /><source src="https://cdn.example.net/broken.mp4" /></video>);
          }
          """);

  /**
   * A component the site's source shows to draw a picture, a player or a link from its attributes
   * stands for that; one whose address the site computes otherwise is removed and said, as before.
   */
  @Test
  void componentsDrawingPicturesPlayersAndLinksFromTheirAttributesStandForThem() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "<XeblogPicture path=\"blog/2024/chart\" desc=\"A chart\" />\n\n"
                + "<YouTubeEmbed id=\"gu-0b6KCf80\" />\n\n"
                + "See <GitHubLink repo=\"antfu/icones\" /> and"
                + " <GitHubLink repo=\"antfu/vitesse\" name=\"Vitesse\" />.\n\n"
                + "<Badge kind=\"npm\" label=\"v1\" />\n\n"
                + "<StreamVideo path=\"talk\" />\n\n"
                + "<Toot url=\"https://social.example/@ann/1\" />\n\n"
                + "<XeblogPicture desc=\"No path\" />\n",
            warnings,
            name -> java.util.Optional.ofNullable(SOURCES.get(name)));
    assertThat(html)
        .contains(
            "<figure><img src=\"https://files.example.net/blog/2024/chart.jpg\" alt=\"A chart\" />"
                + "<figcaption>A chart</figcaption></figure>",
            "<iframe src=\"https://www.youtube-nocookie.com/embed/gu-0b6KCf80\"></iframe>",
            "See <a href=\"https://github.com/antfu/icones\">antfu/icones</a> and"
                + " <a href=\"https://github.com/antfu/vitesse\">Vitesse</a>.",
            "<img src=\"https://img.example.net/npm/v1.svg\" alt=\"v1\" />",
            "<a href=\"https://social.example/@ann/1\">https://social.example/@ann/1</a>")
        .doesNotContain("x.png", "broken.mp4", "index.m3u8", "No path");
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them):"
                + " <StreamVideo/>, <XeblogPicture/>");
  }

  /**
   * Dart's blog (a Jaspr site, its components written in Dart) draws 327 pictures with {@code
   * <DashImage src=…/>}, 139 with a {@code caption="…"} that was lost, and its videos and
   * repositories with {@code <YoutubeEmbed id="…"/>} and {@code <GitHubEmbed repo="…"/>}, which
   * were removed: with no source to read, the attributes alone say what they draw.
   */
  @Test
  void picturesVideosAndRepositoriesNamedByAttributesAloneStandForThem() {
    List<String> warnings = new ArrayList<>();
    String html =
        markdown.toHtml(
            "<DashImage src=\"images/chart.webp\" alt=\"A chart\""
                + " caption=\"Builds per week, &quot;before&quot; and after.\" />\n\n"
                + "<YoutubeEmbed id=\"S6IP_6HG2QE\" title=\"A talk &amp; a demo\""
                + " fullwidth=\"true\"/>\n\n"
                + "<GitHubEmbed repo=\"example/data-binding\" title=\"data-binding: the code\""
                + " image=\"images/card.webp\" />\n\n"
                + "<Vimeo id=\"76979871\" />\n\n"
                + "<YoutubeEmbed id=\"{props.id}\" />\n",
            warnings);
    assertThat(html)
        .contains(
            "<figure><img src=\"images/chart.webp\" alt=\"A chart\" /><figcaption>Builds per week,"
                + " &quot;before&quot; and after.</figcaption></figure>",
            "<iframe src=\"https://www.youtube.com/embed/S6IP_6HG2QE\""
                + " title=\"A talk &amp; a demo\"></iframe>",
            "<a href=\"https://github.com/example/data-binding\">data-binding: the code</a>",
            "<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>")
        .doesNotContain("DashImage", "GitHubEmbed", "props.id");
    assertThat(warnings)
        .containsExactly(
            "site components removed (only the site's own scripts draw them): <YoutubeEmbed/>");
  }
}
