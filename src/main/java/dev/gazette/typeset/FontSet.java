package dev.gazette.typeset;

/** The four faces a theme draws from: serif and sans, regular and bold. */
public record FontSet(FontFile serif, FontFile serifBold, FontFile sans, FontFile sansBold) {
  private static final FontSet BUNDLED =
      new FontSet(
          FontFile.bundled("NotoSerifSC-Regular.ttf"), FontFile.bundled("NotoSerifSC-Bold.ttf"),
          FontFile.bundled("NotoSansSC-Regular.ttf"), FontFile.bundled("NotoSansSC-Bold.ttf"));

  /** Noto Serif SC and Noto Sans SC, bundled. Shared, so their bytes are read once per JVM. */
  public static FontSet bundled() {
    return BUNDLED;
  }

  public FontSet withSerif(FontFile regular, FontFile bold) {
    return new FontSet(regular, bold, sans, sansBold);
  }

  public FontSet withSans(FontFile regular, FontFile bold) {
    return new FontSet(serif, serifBold, regular, bold);
  }
}
