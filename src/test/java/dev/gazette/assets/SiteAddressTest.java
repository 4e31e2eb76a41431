package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which picture addresses are the blog's own files, and which file of the site each names. */
class SiteAddressTest {
  @Test
  void anAddressOnTheSiteIsItsPathFromTheRoot() {
    SiteAddress site = SiteAddress.of("https://jvns.example");
    assertThat(site.localPath("https://jvns.example/images/a.png")).hasValue("/images/a.png");
    assertThat(site.localPath("https://jvns.example/images/a%20b.png?v=2#x"))
        .hasValue("/images/a%20b.png");
    assertThat(site.localPath("https://jvns.example/images/a b.png"))
        .as("repaired, then decoded by the local resolver")
        .hasValue("/images/a%20b.png");
  }

  @Test
  void schemeWwwAndCaseDoNotMakeAnotherSite() {
    SiteAddress site = SiteAddress.of("https://www.Blog.example/");
    for (String src :
        new String[] {
          "http://blog.example/img/x.png",
          "https://WWW.blog.example/img/x.png",
          "//blog.example/img/x.png",
          "https://blog.example:443/img/x.png",
          "http://www.blog.example:80/img/x.png"
        }) {
      assertThat(site.localPath(src)).as(src).hasValue("/img/x.png");
    }
  }

  @Test
  void otherHostsPortsAndTheSitesPagesAreNotItsFiles() {
    SiteAddress site = SiteAddress.of("https://blog.example");
    assertThat(site.localPath("https://drawings.blog.example/img/x.png")).isEmpty();
    assertThat(site.localPath("https://blog.example.evil.test/img/x.png")).isEmpty();
    assertThat(site.localPath("https://blog.example:8443/img/x.png")).isEmpty();
    assertThat(site.localPath("https://blog.example/")).isEmpty();
    assertThat(site.localPath("https://blog.example")).isEmpty();
    assertThat(site.localPath("/img/x.png")).as("not an address: the local resolver's").isEmpty();
    assertThat(SiteAddress.of("http://localhost:1313/").localPath("http://localhost:1313/a.png"))
        .hasValue("/a.png");
    assertThat(SiteAddress.of("http://localhost:1313/").localPath("http://localhost/a.png"))
        .isEmpty();
  }

  @Test
  void aSitePublishedInAFolderOwnsOnlyAddressesInIt() {
    for (String address :
        new String[] {"https://example.org/notes", "https://example.org/notes/"}) {
      SiteAddress site = SiteAddress.of(address);
      assertThat(site.localPath("https://example.org/notes/img/d.png")).hasValue("/img/d.png");
      assertThat(site.localPath("https://example.org/img/d.png")).isEmpty();
      assertThat(site.localPath("https://example.org/notesbook/img/d.png")).isEmpty();
    }
  }

  @Test
  void dotSegmentsAreResolvedBeforeTheFolderIsChecked() {
    SiteAddress site = SiteAddress.of("https://example.org/blog");
    assertThat(site.localPath("https://example.org/blog/../x.png")).isEmpty();
    assertThat(site.localPath("https://example.org/blog/%2e%2E/x.png")).isEmpty();
    assertThat(site.localPath("https://example.org/blog/img/../../x.png")).isEmpty();
    assertThat(site.localPath("https://example.org/blog/img/../x.png")).hasValue("/x.png");
    assertThat(site.localPath("https://example.org/blog/./img/x.png")).hasValue("/img/x.png");
    assertThat(site.localPath("https://example.org/other/../blog/img/x.png"))
        .hasValue("/img/x.png");
  }

  @Test
  void noAddressOwnsNothing() {
    assertThat(SiteAddress.of(null).localPath("https://example.org/a.png")).isEmpty();
    assertThat(SiteAddress.of("/blog").localPath("https://example.org/a.png")).isEmpty();
    assertThat(SiteAddress.of("ftp://example.org").localPath("ftp://example.org/a.png")).isEmpty();
  }
}
