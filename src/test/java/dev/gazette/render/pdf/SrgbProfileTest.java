package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gazette.util.Hashes;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ICC_ProfileRGB;
import org.junit.jupiter.api.Test;

/**
 * The output intent's sRGB profile is a valid ICC RGB display profile with the sRGB colorimetry,
 * and its bytes are fixed: the same on every JDK, so PDF/A files are too.
 */
class SrgbProfileTest {
  @Test
  void isAValidRgbDisplayProfile() {
    ICC_Profile profile = ICC_Profile.getInstance(SrgbProfile.bytes());
    assertThat(profile.getColorSpaceType()).isEqualTo(ColorSpace.TYPE_RGB);
    assertThat(profile.getPCSType()).isEqualTo(ColorSpace.TYPE_XYZ);
    assertThat(profile.getProfileClass()).isEqualTo(ICC_Profile.CLASS_DISPLAY);
    assertThat(profile.getMajorVersion()).isEqualTo(2);
    assertThat(profile).isInstanceOf(ICC_ProfileRGB.class);
    // The colorants: sRGB adapted to D50, as in the ICC's own sRGB v2 profiles.
    float[][] m = ((ICC_ProfileRGB) profile).getMatrix();
    float[][] reference = {
      {0.4361f, 0.3851f, 0.1431f}, {0.2225f, 0.7169f, 0.0606f}, {0.0139f, 0.0971f, 0.7141f},
    };
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(m[i][j]).as("matrix %d %d", i, j).isCloseTo(reference[i][j], within(0.0005f));
      }
    }
    // The transfer curve: sRGB 50% grey is 21.4% linear light.
    assertThat(SrgbProfile.toLinear(0.5)).isCloseTo(0.2140, within(0.0001));
    ICC_ColorSpace space = new ICC_ColorSpace(profile);
    float[] white = space.toCIEXYZ(new float[] {1, 1, 1});
    assertThat(white[0]).isCloseTo(0.9642f, within(0.002f));
    assertThat(white[1]).isCloseTo(1.0f, within(0.002f));
    assertThat(white[2]).isCloseTo(0.8249f, within(0.002f));
  }

  @Test
  void theBytesAreFixed() {
    byte[] bytes = SrgbProfile.bytes();
    assertThat(bytes.length).isLessThan(3000);
    assertThat(Hashes.sha256Hex(bytes))
        .isEqualTo("7ee9fe1b2591ae48ad0f1ab7042328e95fcdaae8dad660bbc2726638cdcc8137");
  }
}
