package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.assets.ImageProcessor;
import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Format;
import dev.gazette.model.Limits;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFitTest {
  @TempDir Path dir;

  @Test
  void aProfileCapsThePicturesAtThreeQuartersOfItsLimit() {
    long defaults = Limits.defaults().maxDigestImageBytes();
    assertThat(ProfileFit.imageCap(defaults, null)).isEqualTo(defaults);
    assertThat(ProfileFit.imageCap(defaults, DeliveryProfile.KINDLE)).isEqualTo(37_500_000L);
    assertThat(ProfileFit.imageCap(defaults, DeliveryProfile.GENERIC)).isEqualTo(13_500_000L);
    assertThat(ProfileFit.imageCap(1_000_000L, DeliveryProfile.KINDLE)).isEqualTo(1_000_000L);
  }

  @Test
  void aFileStillOverTheLimitIsWarnedAbout() {
    Path epub = Path.of("out/w.epub");
    assertThat(ProfileFit.check(epub, 50_000_000L, DeliveryProfile.KINDLE)).isEmpty();
    assertThat(ProfileFit.check(epub, 99_000_000L, null)).isEmpty();
    assertThat(ProfileFit.check(epub, 61_234_567L, DeliveryProfile.KINDLE).orElseThrow().toString())
        .isEqualTo(
            "out/w.epub: warning: is 61.2 MB, over the 50.0 MB Send to Kindle takes (--profile"
                + " kindle): select fewer posts");
  }

  /**
   * The profile's budget is brought down through the request's digest image cap (the smaller of the
   * two applies), so a few generated photos stand for 18 MB of pictures.
   */
  @Test
  void picturesOverAProfilesBudgetAreMadeSmallerNotLeftOut() throws Exception {
    Path src = dir.resolve("src");
    List<byte[]> originals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] photo = TestImages.jpeg(TestImages.photo(2400 + 40 * i, 1800 - 30 * i));
      originals.add(photo);
      Files.createDirectories(src.resolve("images"));
      Files.write(src.resolve("images/p" + i + ".jpg"), photo);
      TestPosts.write(
          src,
          "2021-07-0" + (i + 1) + "-p" + i + ".md",
          "---\ntitle: P" + i + "\n---\n\nText.\n\n![photo " + i + "](images/p" + i + ".jpg)\n");
    }

    Path plain = build(src, "plain", null, Limits.defaults());
    Map<String, byte[]> plainPictures = pictures(plain);
    assertThat(plainPictures).hasSize(4);
    // without a profile each picture is what the default processor makes of it, as before
    List<byte[]> expected = new ArrayList<>();
    for (byte[] o : originals) {
      expected.add(new ImageProcessor().process(o).bytes());
    }
    assertThat(plainPictures.values()).containsExactlyInAnyOrderElementsOf(expected);
    long plainBytes = total(plainPictures);

    long cap = plainBytes * 6 / 10;
    Limits small = Limits.defaults().withMaxDigestImageBytes(cap);
    DigestResult[] kept = new DigestResult[1];
    Path kobo = build(src, "kobo", DeliveryProfile.KOBO, small, kept);
    assertThat(Epubs.check(kobo)).isEmpty();
    assertThat(kept[0].problems()).noneMatch(p -> p.message().contains("image left out"));
    assertThat(kept[0].problems())
        .filteredOn(p -> p.message().startsWith("pictures made again"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("--profile kobo").doesNotContain("left out");
            });
    Map<String, byte[]> koboPictures = pictures(kobo);
    assertThat(koboPictures).hasSize(4);
    assertThat(total(koboPictures)).isLessThanOrEqualTo(cap);
    for (byte[] picture : koboPictures.values()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
      assertThat(Math.max(image.getWidth(), image.getHeight()))
          .isLessThan(ImageProcessor.MAX_LONG_SIDE);
    }
    String pages = String.join("\n", Epubs.textEntries(kobo).values());
    for (int i = 0; i < 4; i++) {
      assertThat(pages).contains("alt=\"photo " + i + "\"").doesNotContain("[photo " + i + "]");
    }

    // the same input gives the same bytes; a profile whose budget is not reached changes nothing
    assertThat(Files.readAllBytes(build(src, "kobo2", DeliveryProfile.KOBO, small)))
        .isEqualTo(Files.readAllBytes(kobo));
    assertThat(Files.readAllBytes(build(src, "kindle", DeliveryProfile.KINDLE, Limits.defaults())))
        .isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void picturesStillOverTheBudgetAtTheSmallestStepAreLeftOutAsBefore() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("images"));
    for (int i = 0; i < 2; i++) {
      Files.write(
          src.resolve("images/p" + i + ".jpg"),
          TestImages.jpeg(TestImages.photo(2000 + 50 * i, 1500)));
      TestPosts.write(
          src,
          "2021-07-0" + (i + 1) + "-p" + i + ".md",
          "---\ntitle: P" + i + "\n---\n\n![photo " + i + "](images/p" + i + ".jpg)\n");
    }
    DigestResult[] kept = new DigestResult[1];
    Path epub =
        build(
            src,
            "tiny",
            DeliveryProfile.GENERIC,
            Limits.defaults().withMaxDigestImageBytes(1),
            kept);
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(kept[0].problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.startsWith("pictures made again at 700 px") && m.contains("left out"))
        .filteredOn(m -> m.contains("image left out"))
        .hasSize(2);
    assertThat(pictures(epub)).isEmpty();
  }

  private Path build(Path src, String name, DeliveryProfile profile, Limits limits)
      throws Exception {
    return build(src, name, profile, limits, new DigestResult[1]);
  }

  private Path build(
      Path src, String name, DeliveryProfile profile, Limits limits, DigestResult[] result)
      throws Exception {
    result[0] =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out"))
                .name(name)
                .formats(Format.EPUB)
                .cover(false)
                .profile(profile)
                .limits(limits));
    return dir.resolve("out/" + name + ".epub");
  }

  private static Map<String, byte[]> pictures(Path epub) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    for (ZipEntry e : Epubs.entries(epub)) {
      if (e.getName().startsWith("OEBPS/images/")) {
        out.put(e.getName(), Epubs.entry(epub, e.getName()));
      }
    }
    return out;
  }

  private static long total(Map<String, byte[]> pictures) {
    return pictures.values().stream().mapToLong(b -> b.length).sum();
  }
}
