package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses a browser would not follow as written, read as their authors meant them. */
class UrlsTest {
  /** Each from a real archive (jvns.ca, blog.rust-lang.org, Huxpro's blog). */
  @Test
  void addressesWithTheSchemeLeftOutOrMistypedAreReadAsMeant() {
    assertThat(Urls.meantAddress("www.freesound.org/api/apply/"))
        .contains("https://www.freesound.org/api/apply/");
    assertThat(Urls.meantAddress("github.com/epage")).contains("https://github.com/epage");
    assertThat(Urls.meantAddress("youtu.be/y1B2c3ZD9fk?t=1h14m48s"))
        .contains("https://youtu.be/y1B2c3ZD9fk?t=1h14m48s");
    assertThat(Urls.meantAddress("(https://coreos.com/flannel/docs/latest/)"))
        .contains("https://coreos.com/flannel/docs/latest/");
    assertThat(Urls.meantAddress("<http://example.org/a>")).contains("http://example.org/a");
    assertThat(Urls.meantAddress("https//twitter.com/b0rk")).contains("https://twitter.com/b0rk");
    assertThat(Urls.meantAddress("ttps://github.com/rust-lang/rust/pull/150625"))
        .contains("https://github.com/rust-lang/rust/pull/150625");
    // ruanyf/weekly: issues 71-73, 157, 245, 82
    assertThat(Urls.meantAddress("mail:zhouyun@example.com"))
        .contains("mailto:zhouyun@example.com");
    assertThat(Urls.meantAddress("pptrconsole.com")).contains("https://pptrconsole.com");
    assertThat(Urls.meantAddress("astro.yufengbiji.com")).contains("https://astro.yufengbiji.com");
    assertThat(Urls.meantAddress("%EF%BC%9Ahttps://dave.cheney.net/workshop.html"))
        .contains("https://dave.cheney.net/workshop.html");
    assertThat(Urls.meantAddress("：https://example.org/a")).contains("https://example.org/a");
    assertThat(Urls.meantAddress("mail-to:reach@rust-lang.org"))
        .contains("mailto:reach@rust-lang.org");
    // tokio's blog; This Week in Rust 561-563
    assertThat(Urls.meantAddress("hello@tokioconf.com")).contains("mailto:hello@tokioconf.com");
    assertThat(Urls.meantAddress("hhttps://www.meetup.com/boulder-elixir/events/302991078/"))
        .contains("https://www.meetup.com/boulder-elixir/events/302991078/");
    // a translation community's footer: a rendered link pasted where the address belongs
    assertThat(
            Urls.meantAddress(
                "[https://github.com/xitu/gold-miner](https://github.com/xitu/gold-miner)"))
        .contains("https://github.com/xitu/gold-miner");
    assertThat(Urls.meantAddress("[site](juejin.im/post/1)")).contains("https://juejin.im/post/1");
    // gold-miner's translations: slashes left out after the scheme, which a browser skips
    assertThat(Urls.meantAddress("https:/jakearchibald.com/2016/stream-ftw/"))
        .contains("https://jakearchibald.com/2016/stream-ftw/");
    assertThat(Urls.meantAddress("https:github.com/iWeslie"))
        .contains("https://github.com/iWeslie");
    assertThat(Urls.meantAddress("HTTP:///www.fjong.co")).contains("http://www.fjong.co");
    assertThat(Urls.meantAddress("https:\\/\\/netlog\\-viewer.appspot.com\\/")).isEmpty();
    assertThat(Urls.meantAddress("[a](images/a.png)")).isEmpty();
    assertThat(Urls.meantAddress("user@localhost")).isEmpty();
    assertThat(Urls.meantAddress("images/a@2x.png")).isEmpty();
  }

  @Test
  void relativePathsAreNotAddresses() {
    for (String path :
        new String[] {
          "rustc.svg",
          "application.txt",
          "./rust-vision-doc.md",
          "2022-04-07-timing.html",
          "images/a.png",
          "../posts/x.md#top",
          "v1.2/notes",
          "where-do-you-live.png",
          "install.sh",
          "www",
          "()",
          "main.rs",
          "notes.md",
          "index.php",
          "main.cc",
          "notes.org",
          "emacs.info",
          "mail:",
          "see%20https://example.org",
          "x-https://example.org"
        }) {
      assertThat(Urls.meantAddress(path)).as(path).isEmpty();
    }
  }
}
