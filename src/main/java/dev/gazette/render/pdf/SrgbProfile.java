package dev.gazette.render.pdf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The sRGB colour profile of the PDF/A output intent: a small ICC version 2 matrix/TRC display
 * profile (about 2.6 KB) written by this class from the published sRGB definition (IEC 61966-2-1:
 * the primaries, the D65 white and the transfer curve), so the PDF's bytes do not depend on the JDK
 * it is built with (the JDK's own sRGB profile differs between JDK 17 and 25).
 *
 * <p>The colorants are the sRGB primaries adapted to the ICC's D50 connection space with the
 * Bradford transform, as ICC v2 display profiles do; the transfer curve is sampled at 1,024 points.
 * All arithmetic is IEEE double (strict in Java 17) and {@link StrictMath}, so the bytes are the
 * same on every JVM.
 */
final class SrgbProfile {
  private SrgbProfile() {}

  /** The ICC D50 illuminant of the profile connection space. */
  private static final double[] D50 = {0.9642, 1.0, 0.8249};

  private static final int CURVE_POINTS = 1024;

  private static final byte[] PROFILE = build();

  /** The profile's bytes (a copy). */
  static byte[] bytes() {
    return PROFILE.clone();
  }

  private static byte[] build() {
    double[][] colorants = colorantsD50();
    double[] white = xyToXyz(0.3127, 0.3290);
    byte[][] tags = {
      description("sRGB (IEC 61966-2-1), written by Gazette"),
      text("No copyright, use freely"),
      xyz(white),
      xyz(colorants[0]),
      xyz(colorants[1]),
      xyz(colorants[2]),
      curve(),
    };
    String[] signatures = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
    int[] data = {0, 1, 2, 3, 4, 5, 6, 6, 6}; // the three curves share one
    int tableSize = 4 + 12 * signatures.length;
    int[] offsets = new int[tags.length];
    int offset = 128 + tableSize;
    for (int i = 0; i < tags.length; i++) {
      offsets[i] = offset;
      offset = align(offset + tags[i].length);
    }
    ByteBuffer icc = ByteBuffer.allocate(offset);
    // Header (ICC.1:2001-04, version 2.1).
    icc.putInt(offset); // profile size
    icc.putInt(0); // preferred CMM
    icc.putInt(0x02100000); // version 2.1.0
    icc.put(ascii("mntr")).put(ascii("RGB ")).put(ascii("XYZ "));
    // Creation date: fixed, like everything else in the file.
    icc.putShort((short) 2026).putShort((short) 1).putShort((short) 1);
    icc.putShort((short) 0).putShort((short) 0).putShort((short) 0);
    icc.put(ascii("acsp"));
    icc.putInt(0); // primary platform
    icc.putInt(0); // flags
    icc.putInt(0); // device manufacturer
    icc.putInt(0); // device model
    icc.putLong(0); // device attributes
    icc.putInt(0); // rendering intent: perceptual
    for (double v : D50) {
      icc.putInt(s15Fixed16(v));
    }
    icc.putInt(0); // creator
    icc.position(128); // the rest of the header is reserved (zero)
    icc.putInt(signatures.length);
    for (int i = 0; i < signatures.length; i++) {
      icc.put(ascii(signatures[i])).putInt(offsets[data[i]]).putInt(tags[data[i]].length);
    }
    for (int i = 0; i < tags.length; i++) {
      icc.position(offsets[i]);
      icc.put(tags[i]);
    }
    return icc.array();
  }

  /** The sRGB primaries as XYZ colorants, adapted from D65 to D50 (Bradford). */
  static double[][] colorantsD50() {
    double[][] primaries = {
      xyToXyz(0.64, 0.33), xyToXyz(0.30, 0.60), xyToXyz(0.15, 0.06),
    };
    double[] white = xyToXyz(0.3127, 0.3290);
    // Scale the primaries so that R + G + B = the white point.
    double[][] m = {
      {primaries[0][0], primaries[1][0], primaries[2][0]},
      {primaries[0][1], primaries[1][1], primaries[2][1]},
      {primaries[0][2], primaries[1][2], primaries[2][2]},
    };
    double[] s = multiply(invert(m), white);
    double[][] bradford = {
      {0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296},
    };
    double[] from = multiply(bradford, white);
    double[] to = multiply(bradford, D50);
    double[][] scale = {
      {to[0] / from[0], 0, 0}, {0, to[1] / from[1], 0}, {0, 0, to[2] / from[2]},
    };
    double[][] adapt = multiply(invert(bradford), multiply(scale, bradford));
    double[][] out = new double[3][];
    for (int i = 0; i < 3; i++) {
      double[] p = primaries[i];
      out[i] = multiply(adapt, new double[] {p[0] * s[i], p[1] * s[i], p[2] * s[i]});
    }
    return out;
  }

  /** The sRGB transfer function, from encoded value to linear light. */
  static double toLinear(double v) {
    return v <= 0.04045 ? v / 12.92 : StrictMath.pow((v + 0.055) / 1.055, 2.4);
  }

  private static double[] xyToXyz(double x, double y) {
    return new double[] {x / y, 1.0, (1 - x - y) / y};
  }

  private static byte[] description(String text) {
    byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(12 + ascii.length + 8 + 3 + 67);
    b.put(ascii("desc")).putInt(0).putInt(ascii.length).put(ascii);
    b.putInt(0).putInt(0); // no Unicode description
    b.putShort((short) 0).put((byte) 0); // no ScriptCode description (67 bytes follow, zero)
    return b.array();
  }

  private static byte[] text(String text) {
    byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(8 + ascii.length).put(ascii("text")).putInt(0).put(ascii).array();
  }

  private static byte[] xyz(double[] v) {
    ByteBuffer b = ByteBuffer.allocate(20).put(ascii("XYZ ")).putInt(0);
    for (double c : v) {
      b.putInt(s15Fixed16(c));
    }
    return b.array();
  }

  private static byte[] curve() {
    ByteBuffer b = ByteBuffer.allocate(12 + 2 * CURVE_POINTS);
    b.put(ascii("curv")).putInt(0).putInt(CURVE_POINTS);
    for (int i = 0; i < CURVE_POINTS; i++) {
      double linear = toLinear(i / (double) (CURVE_POINTS - 1));
      b.putShort((short) Math.round(linear * 65535));
    }
    return b.array();
  }

  private static int s15Fixed16(double v) {
    return (int) Math.round(v * 65536);
  }

  private static int align(int n) {
    return (n + 3) & ~3;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      out[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
    }
    return out;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] out = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return out;
  }

  private static double[][] invert(double[][] m) {
    double a = m[0][0];
    double b = m[0][1];
    double c = m[0][2];
    double d = m[1][0];
    double e = m[1][1];
    double f = m[1][2];
    double g = m[2][0];
    double h = m[2][1];
    double i = m[2][2];
    double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    return new double[][] {
      {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
      {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
      {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det},
    };
  }
}
