package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Limits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileFitTest {
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
}
