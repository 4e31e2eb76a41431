package dev.gazette.typeset;

/** The faces a theme draws from: serif, sans and monospace, regular and bold. */
public record FontSet(
    FontFile serif,
    FontFile serifBold,
    FontFile sans,
    FontFile sansBold,
    FontFile mono,
    FontFile monoBold) {
  private static final FontSet BUNDLED =
      new FontSet(
          FontFile.bundled("NotoSerifSC-Regular.ttf"), FontFile.bundled("NotoSerifSC-Bold.ttf"),
          FontFile.bundled("NotoSansSC-Regular.ttf"), FontFile.bundled("NotoSansSC-Bold.ttf"),
          FontFile.bundled("NotoSansMono-Regular.ttf"), FontFile.bundled("NotoSansMono-Bold.ttf"));

  /**
   * Noto Serif SC, Noto Sans SC and Noto Sans Mono, bundled. Shared, so their bytes are read once
   * per JVM.
   */
  public static FontSet bundled() {
    return BUNDLED;
  }

  public FontSet withSerif(FontFile regular, FontFile bold) {
    return new FontSet(regular, bold, sans, sansBold, mono, monoBold);
  }

  public FontSet withSans(FontFile regular, FontFile bold) {
    return new FontSet(serif, serifBold, regular, bold, mono, monoBold);
  }
}
