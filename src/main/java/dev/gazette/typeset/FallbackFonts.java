package dev.gazette.typeset;

import java.util.ArrayList;
import java.util.List;

/**
 * The faces tried after a role's own (CJK) face, character by character, in this order:
 *
 * <ol>
 *   <li>a Latin/Greek/Cyrillic face of the same kind (serif or sans) and weight, for what the CJK
 *       faces lack: Latin Extended-A/B (ć İ ı ł ř ś ş Š), combining marks, most of Greek and
 *       Cyrillic, super- and subscripts (⁵), number forms (⅓), letterlike symbols;
 *   <li>a Hangul face (Noto Sans KR's Hangul alone) in the role's weight, for Korean, which the
 *       Chinese faces lack: every role, serif ones too, sets Hangul in it;
 *   <li>a Hebrew face (Noto Sans Hebrew) in the role's weight, for Hebrew, which the PDF sets right
 *       to left (a bidi pass, {@code PdfRenderer});
 *   <li>symbol faces shared by every role: monochrome emoji, then mathematics (arrows, operators,
 *       math alphanumerics 𝐀), then other symbols (geometric shapes, dingbats);
 *   <li>faces the user adds ({@code --font-fallback}) for scripts no bundled face covers (Thai,
 *       Arabic, which also needs its letters joined, …).
 * </ol>
 *
 * The CJK faces stay first so that punctuation shared by both (“ ” … —) keeps its CJK width in
 * Chinese text. Box drawing and block elements come from the CJK faces, which cover them whole.
 * {@code fonts/SOURCES.txt} says what each bundled file covers.
 */
public record FallbackFonts(
    FontFile serifLatin,
    FontFile serifLatinBold,
    FontFile sansLatin,
    FontFile sansLatinBold,
    FontFile hangul,
    FontFile hangulBold,
    FontFile hebrew,
    FontFile hebrewBold,
    List<FontFace> symbols,
    List<FontFile> extra) {
  public static final String SERIF_LATIN_FAMILY = "Gazette Serif Latin";
  public static final String SANS_LATIN_FAMILY = "Gazette Sans Latin";
  public static final String HANGUL_FAMILY = "Gazette Hangul";
  public static final String HEBREW_FAMILY = "Gazette Hebrew";

  private static final FallbackFonts BUNDLED =
      new FallbackFonts(
          FontFile.bundled("NotoSerif-Regular.ttf"),
          FontFile.bundled("NotoSerif-Bold.ttf"),
          FontFile.bundled("NotoSans-Regular.ttf"),
          FontFile.bundled("NotoSans-Bold.ttf"),
          FontFile.bundled("NotoSansKR-Regular-Hangul.ttf"),
          FontFile.bundled("NotoSansKR-Bold-Hangul.ttf"),
          FontFile.bundled("NotoSansHebrew-Regular.ttf"),
          FontFile.bundled("NotoSansHebrew-Bold.ttf"),
          List.of(
              new FontFace("Gazette Emoji", 400, FontFile.bundled("NotoEmoji-Regular.ttf")),
              new FontFace("Gazette Math", 400, FontFile.bundled("NotoSansMath-Regular.ttf")),
              new FontFace(
                  "Gazette Symbols", 400, FontFile.bundled("NotoSansSymbols2-Regular.ttf"))),
          List.of());

  public FallbackFonts {
    symbols = List.copyOf(symbols);
    extra = List.copyOf(extra);
  }

  /** The bundled faces, no user faces. Shared, so their bytes are read once per JVM. */
  public static FallbackFonts bundled() {
    return BUNDLED;
  }

  /** These faces plus {@code files}, tried last, in the order given. */
  public FallbackFonts withExtra(List<FontFile> files) {
    List<FontFile> all = new ArrayList<>(extra);
    all.addAll(files);
    return new FallbackFonts(
        serifLatin,
        serifLatinBold,
        sansLatin,
        sansLatinBold,
        hangul,
        hangulBold,
        hebrew,
        hebrewBold,
        symbols,
        all);
  }

  /**
   * The fallback faces, in order, for a role set in the serif or the sans kind at {@code weight}. A
   * new role (e.g. a monospace one) takes the chain of the kind it falls back to.
   */
  public List<FontFace> chain(boolean serif, int weight) {
    boolean bold = weight >= 600;
    List<FontFace> chain = new ArrayList<>();
    chain.add(
        serif
            ? new FontFace(SERIF_LATIN_FAMILY, bold ? 700 : 400, bold ? serifLatinBold : serifLatin)
            : new FontFace(SANS_LATIN_FAMILY, bold ? 700 : 400, bold ? sansLatinBold : sansLatin));
    chain.add(
        new FontFace(
            HANGUL_FAMILY,
            bold ? 700 : 400,
            bold ? hangulBold : hangul,
            Character.UnicodeScript.HANGUL));
    chain.add(
        new FontFace(
            HEBREW_FAMILY,
            bold ? 700 : 400,
            bold ? hebrewBold : hebrew,
            Character.UnicodeScript.HEBREW));
    chain.addAll(symbols);
    for (int i = 0; i < extra.size(); i++) {
      chain.add(new FontFace("Gazette Fallback " + (i + 1), 400, extra.get(i)));
    }
    return chain;
  }
}
