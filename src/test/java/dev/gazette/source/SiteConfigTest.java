package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site generators' own configs, found above the posts folder as each generator lays it out. */
class SiteConfigTest {
  static final Path SITES = Path.of("src/test/resources/siteconfig");

  static SiteConfig found(String postsFolder) {
    SiteConfig.Found found = SiteConfig.find(SITES.resolve(postsFolder));
    assertThat(found.unreadable()).isNull();
    assertThat(found.config()).as(postsFolder).isPresent();
    return found.config().get();
  }

  @Test
  void hexoConfigTwoLevelsAboveSourcePosts() {
    SiteConfig c = found("hexo/source/_posts");
    assertThat(c.file().getFileName()).hasToString("_config.yml");
    assertThat(c.title()).isEqualTo("Field Notes");
    assertThat(c.authors()).containsExactly("Mei Lin");
    assertThat(c.language()).isEqualTo("zh-CN");
    assertThat(c.url()).isEqualTo("https://notes.example.org/blog");
    assertThat(c.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
  }

  /** Pelican's settings are Python: their text settings are read, nothing is run. */
  @Test
  void pelicanSettingsTwoLevelsAboveTheArticles() {
    SiteConfig c = found("pelican/content/articles");
    assertThat(c.file().getFileName()).hasToString("pelicanconf.py");
    assertThat(c.title()).isEqualTo("Weekly Field Notes");
    assertThat(c.authors()).containsExactly("Ana Ruiz");
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.url()).isEqualTo("https://notes.example.org");
    assertThat(c.zone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
    assertThat(c.values()).containsEntry("NOTEBOOK_DIR", "downloads/notebooks");
  }

  /**
   * Zine's {@code zine.ziggy}: its {@code .site}, or a multilingual site's address, and the title
   * and language of the locale whose folder holds the posts (the first when none names one): the
   * Zig site's digest was titled "Home", its home page's title.
   */
  @Test
  void zineConfigsInZiggy() {
    SiteConfig simple = found("zine/content/blog");
    assertThat(simple.file().getFileName()).hasToString("zine.ziggy");
    assertThat(simple.title()).isEqualTo("Field Notes");
    assertThat(simple.url()).isEqualTo("https://notes.example.org");
    SiteConfig multilingual = found("zine-multilingual/content/en-US/news");
    assertThat(multilingual.title()).isEqualTo("Lang");
    assertThat(multilingual.language()).isEqualTo("en-US");
    assertThat(multilingual.url()).isEqualTo("https://lang.example.org");
    SiteConfig german = found("zine-multilingual/content/de-DE/news");
    assertThat(german.title()).isEqualTo("Sprache");
    assertThat(german.language()).isEqualTo("de-DE");
  }

  /**
   * Configs that are scripts: VitePress's {@code .vitepress/config.ts} and Docusaurus' config are
   * read for their exported object's own plain strings, nothing run; Vue's Chinese guide was titled
   * "guide", its folder's name, though its config says "Vue.js".
   */
  @Test
  void scriptConfigsGiveTheirPlainStrings() {
    SiteConfig vitepress = found("vitepress/guide");
    assertThat(vitepress.file().toString()).endsWith(".vitepress/config.ts");
    assertThat(vitepress.title()).isEqualTo("Vue.js");
    assertThat(vitepress.language()).isEqualTo("zh-CN");
    assertThat(vitepress.values()).containsEntry("description", "渐进式 JavaScript 框架");
    assertThat(vitepress.values()).doesNotContainKeys("base", "nav", "content", "text");
    assertThat(vitepress.isHugo()).as("config.ts is no Hugo config.toml").isFalse();
    // the site is the folder above .vitepress/, or its srcDir, where its public/ pictures are
    assertThat(vitepress.root()).isEqualTo(SITES.resolve("vitepress").toAbsolutePath().normalize());
    assertThat(found("vitepress-src/src/guide").root())
        .isEqualTo(SITES.resolve("vitepress-src/src").toAbsolutePath().normalize());
    SiteConfig docusaurus = found("docusaurus/docs");
    assertThat(docusaurus.title()).isEqualTo("Helm");
    assertThat(docusaurus.url()).isNull(); // a value the script computes
    assertThat(docusaurus.values()).containsEntry("baseUrl", "/").doesNotContainKey("url");
  }

  /**
   * The books' configs: mdBook's {@code book.toml} ({@code [book]}) above its {@code src/}, and
   * GitBook's {@code book.json}, indented with tabs as Ruan Yifeng's ES6 book's is (no YAML reader
   * takes those): its author was not found.
   */
  @Test
  void mdBookAndGitBookConfigs() {
    SiteConfig mdBook = found("mdbook/src");
    assertThat(mdBook.file().getFileName()).hasToString("book.toml");
    assertThat(mdBook.title()).isEqualTo("The Field Guide");
    assertThat(mdBook.authors()).containsExactly("Mei Lin", "Ana Ruiz");
    assertThat(mdBook.language()).isEqualTo("zh-CN");
    assertThat(mdBook.isHugo()).isFalse();
    SiteConfig gitBook = found("gitbook/docs");
    assertThat(gitBook.file().getFileName()).hasToString("book.json");
    assertThat(gitBook.title()).isEqualTo("田野笔记");
    assertThat(gitBook.authors()).containsExactly("阮小二");
    assertThat(gitBook.language()).isEqualTo("zh-hans");
  }

  @Test
  void jekyllConfigBesidePostsWithAuthorAsMapping() {
    SiteConfig c = found("jekyll/docs/_posts");
    assertThat(c.title()).isEqualTo("Release Notes");
    assertThat(c.authors()).containsExactly("Sam Ortiz");
    assertThat(c.language()).isEqualTo("en");
  }

  @Test
  void hugoTomlThreeLevelsUpWithParamsAuthorInAnyCase() {
    SiteConfig c = found("hugo/content/posts/2024");
    assertThat(c.file().getFileName()).hasToString("config.toml");
    assertThat(c.title()).isEqualTo("Trail Log");
    assertThat(c.authors()).containsExactly("Ana Ruiz");
    assertThat(c.language()).isEqualTo("en-us");
    assertThat(c.url()).isEqualTo("https://example.org/");
    assertThat(c.zone()).isEqualTo(java.time.ZoneId.of("Europe/Madrid"));
  }

  @Test
  void hugoYamlWithParamsAuthorText() {
    SiteConfig c = found("hugo-yaml/content/post");
    assertThat(c.file().getFileName()).hasToString("hugo.yaml");
    assertThat(c.title()).isEqualTo("Kitchen Diary");
    assertThat(c.authors()).containsExactly("Lee Park");
  }

  @Test
  void zolaConfigWithExtraAuthor() {
    SiteConfig c = found("zola/content");
    assertThat(c.title()).isEqualTo("Compiler Weekly");
    assertThat(c.authors()).containsExactly("Ravi Rao");
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.url()).isEqualTo("https://example.org");
  }

  @Test
  void jekyllNameWhenThereIsNoTitleAndOnlyWebAddresses(@TempDir Path tmp) {
    TestPosts.write(
        tmp, "site/_config.yml", "name: Old Style Blog\nurl: /not-absolute\nbaseurl: /blog\n");
    TestPosts.write(tmp, "site/_posts/2024-01-01-a.md", "# A\n");
    SiteConfig c = SiteConfig.find(tmp.resolve("site/_posts")).config().orElseThrow();
    assertThat(c.title()).isEqualTo("Old Style Blog");
    assertThat(c.url()).isNull();
    assertThat(c.zone()).isNull();
    TestPosts.write(tmp, "hugo/hugo.toml", "baseURL = 'javascript:alert(1)'\n");
    TestPosts.write(tmp, "hugo/content/a.md", "# A\n");
    assertThat(SiteConfig.find(tmp.resolve("hugo/content")).config()).isEmpty();
  }

  /**
   * Material for MkDocs' blog, {@code docs/blog/posts} under {@code mkdocs.yml}, whose Python tags
   * no YAML reader constructs.
   */
  @Test
  void mkDocsConfigWithItsPythonTags(@TempDir Path tmp) {
    TestPosts.write(
        tmp,
        "site/mkdocs.yml",
        "site_name: Material for MkDocs\nsite_url: https://example.github.io/material/\n"
            + "site_author: Martin Donath\ntheme:\n  name: material\n  language: en\n"
            + "extra:\n  analytics:\n    property: !ENV GOOGLE_ANALYTICS_KEY\n"
            + "markdown_extensions:\n  - pymdownx.emoji:\n"
            + "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            + "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n");
    TestPosts.write(tmp, "site/docs/blog/posts/a.md", "# A\n");
    SiteConfig.Found found = SiteConfig.find(tmp.resolve("site/docs/blog/posts"));
    assertThat(found.unreadable()).isNull();
    SiteConfig c = found.config().orElseThrow();
    assertThat(c.title()).isEqualTo("Material for MkDocs");
    assertThat(c.url()).isEqualTo("https://example.github.io/material/");
    assertThat(c.authors()).containsExactly("Martin Donath");
    assertThat(c.language()).isEqualTo("en");
  }

  /** Linkerd's site: Hugo's config folder in YAML, its blog three levels below. */
  @Test
  void hugoConfigFolderInYaml(@TempDir Path tmp) {
    TestPosts.write(
        tmp, "site/config/_default/hugo.yaml", "title: Linkerd\nbaseURL: https://linkerd.io/\n");
    TestPosts.write(tmp, "site/content/blog/2019/0429-a/index.md", "# A\n");
    SiteConfig.Found found = SiteConfig.find(tmp.resolve("site/content/blog"));
    assertThat(found.config().orElseThrow().title()).isEqualTo("Linkerd");
    assertThat(found.config().orElseThrow().url()).isEqualTo("https://linkerd.io/");
    assertThat(found.root()).isEqualTo(tmp.resolve("site"));
  }

  /**
   * Dart's site (Jaspr) keeps its title, address and the values its posts write as {@code {{
   * site.flutter-blog }}} in {@code src/data/site.yaml}; an Eleventy site in {@code
   * _data/site.json}. They are the site's config, and the site is the folder holding the data.
   */
  @Test
  void aSitesGlobalDataFileIsItsConfig(@TempDir Path tmp) {
    TestPosts.write(
        tmp,
        "dart/src/data/site.yaml",
        "title: Darts\n"
            + "url: https://darts.example.dev\n"
            + "flutter-blog: https://flutter.example/blog\n");
    TestPosts.write(tmp, "dart/src/content/blog/first/index.md", "# A\n");
    SiteConfig.Found dart = SiteConfig.find(tmp.resolve("dart/src/content/blog"));
    assertThat(dart.config().orElseThrow().title()).isEqualTo("Darts");
    assertThat(dart.config().orElseThrow().url()).isEqualTo("https://darts.example.dev");
    assertThat(dart.config().orElseThrow().values())
        .containsEntry("flutter-blog", "https://flutter.example/blog");
    assertThat(dart.root()).isEqualTo(tmp.resolve("dart/src"));

    TestPosts.write(
        tmp,
        "eleventy/_data/metadata.json",
        "{\"title\": \"Notes\", \"author\": {\"name\": \"Ann Example\"}}");
    TestPosts.write(tmp, "eleventy/posts/first.md", "# A\n");
    SiteConfig.Found eleventy = SiteConfig.find(tmp.resolve("eleventy/posts"));
    assertThat(eleventy.config().orElseThrow().title()).isEqualTo("Notes");
    assertThat(eleventy.config().orElseThrow().authors()).containsExactly("Ann Example");
    assertThat(eleventy.root()).isEqualTo(tmp.resolve("eleventy"));
  }

  @Test
  void theFolderASiteIsPublishedInIsPartOfItsAddress(@TempDir Path tmp) {
    TestPosts.write(
        tmp, "jekyll/_config.yml", "title: J\nurl: https://example.org\nbaseurl: /notes\n");
    TestPosts.write(tmp, "hexo/_config.yml", "title: H\nurl: https://example.org/\nroot: /blog/\n");
    TestPosts.write(tmp, "both/_config.yml", "title: B\nurl: https://example.org/b\nroot: /b/\n");
    TestPosts.write(tmp, "root/_config.yml", "title: R\nurl: https://example.org\nroot: /\n");
    TestPosts.write(tmp, "hugo/hugo.toml", "title = 'G'\nbaseURL = 'https://example.org/docs/'\n");
    assertThat(SiteConfig.find(tmp.resolve("jekyll")).config().orElseThrow().url())
        .isEqualTo("https://example.org/notes");
    assertThat(SiteConfig.find(tmp.resolve("hexo")).config().orElseThrow().url())
        .isEqualTo("https://example.org/blog/");
    assertThat(SiteConfig.find(tmp.resolve("both")).config().orElseThrow().url())
        .isEqualTo("https://example.org/b");
    assertThat(SiteConfig.find(tmp.resolve("root")).config().orElseThrow().url())
        .isEqualTo("https://example.org");
    assertThat(SiteConfig.find(tmp.resolve("hugo")).config().orElseThrow().url())
        .isEqualTo("https://example.org/docs/");
  }

  /**
   * A GitHub Pages site names its custom domain in {@code CNAME}: Gleam's (a config that is code),
   * SwiftGG's (no config), yanhaijing's (a Jekyll config without {@code url}).
   */
  @Test
  void githubPagesCnameIsTheAddressWhenTheConfigGivesNone(@TempDir Path tmp) {
    TestPosts.write(tmp, "gleam/CNAME", "gleam.run\n");
    TestPosts.write(tmp, "gleam/gleam.toml", "name = \"website\"\n");
    TestPosts.write(tmp, "gleam/pages/news/a.djot", "# A\n");
    SiteConfig.Found gleam = SiteConfig.find(tmp.resolve("gleam/pages/news"));
    assertThat(gleam.config()).isEmpty();
    assertThat(gleam.address().orElseThrow())
        .isEqualTo(new SiteConfig.Address("https://gleam.run", tmp.resolve("gleam/CNAME")));
    assertThat(gleam.root()).isEqualTo(tmp.resolve("gleam"));

    TestPosts.write(tmp, "bare/CNAME", "  Swift.GG \r\nignored.example\n");
    TestPosts.write(tmp, "bare/_posts/a.md", "# A\n");
    SiteConfig.Found bare = SiteConfig.find(tmp.resolve("bare/_posts"));
    assertThat(bare.address().orElseThrow().url()).isEqualTo("https://swift.gg");
    assertThat(bare.root())
        .as("the folder of a site without config")
        .isEqualTo(tmp.resolve("bare"));

    TestPosts.write(tmp, "hexo/_config.yml", "title: H\n");
    TestPosts.write(tmp, "hexo/source/CNAME", "notes.example.org");
    SiteConfig.Found hexo = SiteConfig.find(tmp.resolve("hexo/source/_posts"));
    assertThat(hexo.config().orElseThrow().url()).isNull();
    assertThat(hexo.address().orElseThrow())
        .isEqualTo(
            new SiteConfig.Address("https://notes.example.org", tmp.resolve("hexo/source/CNAME")));
  }

  @Test
  void theConfigsAddressComesBeforeTheCname(@TempDir Path tmp) {
    TestPosts.write(tmp, "hugo/hugo.toml", "title = 'G'\nbaseURL = 'https://example.org/docs/'\n");
    TestPosts.write(tmp, "hugo/static/CNAME", "other.example.org\n");
    TestPosts.write(tmp, "hugo/content/posts/a.md", "# A\n");
    SiteConfig.Found found = SiteConfig.find(tmp.resolve("hugo/content/posts"));
    assertThat(found.address().orElseThrow())
        .isEqualTo(
            new SiteConfig.Address("https://example.org/docs/", tmp.resolve("hugo/hugo.toml")));
  }

  @Test
  void aCnameThatNamesNoDomainGivesNoAddress(@TempDir Path tmp) {
    for (String text : List.of("", "\n", "localhost", "not a domain.org", "-x.example.org")) {
      TestPosts.write(tmp, "site/CNAME", text);
      assertThat(SiteConfig.find(tmp.resolve("site")).address()).as("'%s'", text).isEmpty();
    }
  }

  @Test
  void aConfigWithoutTitleOrAuthorIsNotASiteConfig() {
    SiteConfig.Found found = SiteConfig.find(SITES.resolve("no-site/content/posts"));
    assertThat(found.config()).isEmpty();
    assertThat(found.unreadable()).isNull();
  }

  @Test
  void aBrokenConfigIsNamedWithTheReason() {
    SiteConfig.Found found = SiteConfig.find(SITES.resolve("broken/source/_posts"));
    assertThat(found.config()).isEmpty();
    assertThat(found.unreadable().getFileName()).hasToString("_config.yml");
    assertThat(found.reason()).startsWith("site config not read");
  }

  @Test
  void theSearchStopsAtTheRepositoryRootAndAfterFourLevels(@TempDir Path tmp) throws Exception {
    TestPosts.write(tmp, "outer/_config.yml", "title: Someone else's site\n");
    TestPosts.write(tmp, "outer/blog/posts/a.md", "# A\n");
    Files.createDirectories(tmp.resolve("outer/blog/.git"));
    assertThat(SiteConfig.find(tmp.resolve("outer/blog/posts")).config()).isEmpty();

    TestPosts.write(tmp, "deep/_config.yml", "title: Too far up\n");
    TestPosts.write(tmp, "deep/a/b/c/d/e/post.md", "# A\n");
    assertThat(SiteConfig.find(tmp.resolve("deep/a/b/c/d/e")).config()).isEmpty();
    assertThat(SiteConfig.find(tmp.resolve("deep/a/b/c/d")).config()).isPresent();
  }

  @Test
  void namesComeFromTextMappingsAndLists() {
    assertThat(SiteConfig.names("Ann")).containsExactly("Ann");
    assertThat(SiteConfig.names(java.util.Map.of("name", "Bo"))).containsExactly("Bo");
    assertThat(SiteConfig.names(List.of("Ann", java.util.Map.of("name", "Bo"), "Ann", " ")))
        .containsExactly("Ann", "Bo");
    assertThat(SiteConfig.names(null)).isEmpty();
  }

  /** Each generator's way of turning emoji short names on, and configs that do not. */
  @Test
  void emojiShortNamesAsTheSiteTurnsThemOn(@TempDir Path tmp) throws Exception {
    java.util.Map<String, String> on =
        java.util.Map.of(
            "hugo/hugo.toml", "title = 'H'\nenableEmoji = true\n",
            "hugo-yaml/config.yaml", "title: H\nEnableEmoji: true\n",
            "zola/config.toml", "title = 'Z'\n[markdown]\nrender_emoji = true\n",
            "jekyll/_config.yml", "title: J\nplugins:\n  - jekyll-feed\n  - jemoji\n",
            "jekyll-old/_config.yml", "title: J\ngems: [jemoji]\n",
            "mkdocs/mkdocs.yml",
                "site_name: M\nmarkdown_extensions:\n  - toc\n  - pymdownx.emoji:\n"
                    + "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
            "hexo/_config.yml", "title: X\n");
    TestPosts.write(
        tmp,
        "hexo/package.json",
        "{\"dependencies\": {\"hexo\": \"^7.0.0\", \"hexo-filter-github-emojis\": \"^3.0.0\"}}");
    java.util.Map<String, String> off =
        java.util.Map.of(
            "hugo-off/hugo.toml", "title = 'H'\nenableEmoji = false\n",
            "zola-off/config.toml", "title = 'Z'\n[markdown]\nhighlight_code = true\n",
            "jekyll-off/_config.yml", "title: J\nplugins: [jekyll-feed]\n",
            "mkdocs-off/mkdocs.yml", "site_name: M\nmarkdown_extensions: [toc, admonition]\n",
            "hexo-off/_config.yml", "title: X\n",
            "hexo-broken/_config.yml", "title: X\n");
    TestPosts.write(tmp, "hexo-off/package.json", "{\"dependencies\": {\"hexo\": \"^7.0.0\"}}");
    TestPosts.write(tmp, "hexo-broken/package.json", "{\"dependencies\": [");
    for (var site : on.entrySet()) {
      TestPosts.write(tmp, site.getKey(), site.getValue());
      assertThat(SiteConfig.read(tmp.resolve(site.getKey())).orElseThrow().emojiShortcodes())
          .as(site.getKey())
          .isTrue();
    }
    for (var site : off.entrySet()) {
      TestPosts.write(tmp, site.getKey(), site.getValue());
      assertThat(SiteConfig.read(tmp.resolve(site.getKey())).orElseThrow().emojiShortcodes())
          .as(site.getKey())
          .isFalse();
    }
  }

  /** Hugo's config by its name, or a config.toml without Zola's base_url. */
  @Test
  void hugoSitesAreKnownByTheirConfig(@TempDir Path tmp) throws Exception {
    TestPosts.write(tmp, "a/hugo.toml", "title = 'H'\n");
    TestPosts.write(tmp, "b/config.toml", "title = 'H'\nbaseURL = 'https://h.example/'\n");
    TestPosts.write(tmp, "c/config/_default/config.yaml", "title: H\n");
    TestPosts.write(tmp, "d/config.toml", "title = 'Z'\nbase_url = 'https://z.example'\n");
    TestPosts.write(tmp, "e/_config.yml", "title: J\n");
    assertThat(SiteConfig.read(tmp.resolve("a/hugo.toml")).orElseThrow().isHugo()).isTrue();
    assertThat(SiteConfig.read(tmp.resolve("b/config.toml")).orElseThrow().isHugo()).isTrue();
    assertThat(SiteConfig.read(tmp.resolve("c/config/_default/config.yaml")).orElseThrow().isHugo())
        .isTrue();
    assertThat(SiteConfig.read(tmp.resolve("d/config.toml")).orElseThrow().isHugo()).isFalse();
    assertThat(SiteConfig.read(tmp.resolve("e/_config.yml")).orElseThrow().isHugo()).isFalse();
  }

  /**
   * Hugo's {@code images} is what its own templates make social cards of; a site's layouts may show
   * it above the post too (LLVM's theme does). Other generators' sites are never told so.
   */
  @Test
  void hugoImagesAreSocialCardsUnlessTheLayoutsShowThem(@TempDir Path tmp) throws Exception {
    TestPosts.write(tmp, "bare/hugo.toml", "title = 'H'\n");
    TestPosts.write(tmp, "cards/hugo.toml", "title = 'H'\n");
    TestPosts.write(
        tmp,
        "cards/layouts/_partials/opengraph.html",
        "{{ with .Params.images }}{{ range first 6 . }}x{{ end }}{{ end }}\n");
    TestPosts.write(
        tmp,
        "cards/layouts/_partials/head.html",
        "<meta property=\"og:image\" content=\"{{ index .Params.images 0 }}\">\n");
    TestPosts.write(tmp, "shown/hugo.toml", "title = 'H'\n");
    TestPosts.write(
        tmp,
        "shown/themes/kiera/layouts/partials/featured_image.html",
        "{{if isset .Params \"images\" }}\n"
            + "  <img src=\"{{ index .Params.images 0 }}\">\n"
            + "{{ end }}\n");
    TestPosts.write(tmp, "jekyll/_config.yml", "title: J\n");
    assertThat(SiteConfig.read(tmp.resolve("bare/hugo.toml")).orElseThrow().imagesAreSocialCards())
        .isTrue();
    assertThat(SiteConfig.read(tmp.resolve("cards/hugo.toml")).orElseThrow().imagesAreSocialCards())
        .isTrue();
    assertThat(SiteConfig.read(tmp.resolve("shown/hugo.toml")).orElseThrow().imagesAreSocialCards())
        .isFalse();
    assertThat(
            SiteConfig.read(tmp.resolve("jekyll/_config.yml")).orElseThrow().imagesAreSocialCards())
        .isFalse();
  }
}
