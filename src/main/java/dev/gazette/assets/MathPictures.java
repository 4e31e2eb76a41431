package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.util.Decimals;
import dev.gazette.util.Hashes;
import java.awt.Color;
import java.awt.Insets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX formulas as SVG pictures: typeset by JLaTeXMath (Computer Modern, TeX's own box rules) and
 * drawn as outlines, so the picture needs no font and looks the same in every reader and in the
 * PDF, where it stays vector. A picture carries the formula's box in ems (width, height above the
 * baseline, depth below it), so that text around an inline formula keeps its baseline.
 *
 * <p>JLaTeXMath keeps its macro tables in static fields, and a formula that defines a macro would
 * change how later formulas of other posts read; such a formula is refused, and pictures are drawn
 * one at a time. The same formula is drawn once per run.
 */
public final class MathPictures {
  /** Units per em of the drawing: path coordinates keep three decimals of them. */
  private static final float EM = 100f;

  /** Room around the box for ink that overhangs it (italic letters, large operators), in ems. */
  private static final double PAD_X = 0.04;

  private static final double PAD_Y = 0.06;

  /** Macros a formula may not define: they would outlive it. */
  private static final Pattern DEFINES =
      Pattern.compile(
          "\\\\(?:re)?newcommand|\\\\def\\b|\\\\DeclareMathOperator|\\\\newenvironment");

  /** Longest formula drawn; a longer one stays as its TeX. */
  static final int MAX_CHARS = 4000;

  private static final Object JLATEXMATH = new Object();

  /**
   * How each of JLaTeXMath's shared symbols places its limits before any formula is read. Its
   * {@code \\limits}, {@code \\nolimits} and {@code \\normal} set that on the shared symbol itself,
   * not on the formula's copy, so {@code \\sum\\limits} in one post set every later inline sum's
   * limits above and below: a formula's picture depended on the order the posts were drawn in,
   * which is the threads' (fightinggg's book came out two ways, run to run).
   */
  private static Map<org.scilab.forge.jlatexmath.SymbolAtom, Integer> pristineLimits;

  private final Map<String, Result> drawn = new ConcurrentHashMap<>();

  /** A formula drawn: its picture and its box, in ems of the text around it. */
  public record Picture(Asset asset, double width, double height, double depth) {
    /** The picture's size and baseline as inline CSS, in ems of the text around it. */
    public String style() {
      return "width:"
          + Decimals.upTo3(width)
          + "em;height:"
          + Decimals.upTo3(height + depth)
          + "em;vertical-align:"
          + Decimals.upTo3(-depth)
          + "em";
    }
  }

  /** A picture, or why the formula could not be drawn. */
  public record Result(Optional<Picture> picture, String problem) {
    static Result failed(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }

  /**
   * {@code tex} (without its delimiters) as a picture; {@code display} sets it as a formula on a
   * line of its own (larger operators, limits above and below).
   */
  public Result draw(String tex, boolean display) {
    return drawn.computeIfAbsent((display ? "D" : "T") + tex, key -> make(tex, display));
  }

  private static Result make(String written, boolean display) {
    String tex = tags(environments(colorSwitches(mathLetters(halfWidth(written)))));
    if (tex.codePoints().anyMatch(CjkFace::wants)) {
      CjkFace.name(); // registers the face before JLaTeXMath looks for one
    }
    if (tex.isBlank()) {
      return Result.failed("the formula is empty");
    }
    if (tex.length() > MAX_CHARS) {
      return Result.failed("the formula is longer than " + MAX_CHARS + " characters");
    }
    if (DEFINES.matcher(tex).find()) {
      return Result.failed("it defines a macro, which Gazette does not carry between formulas");
    }
    synchronized (JLATEXMATH) {
      if (pristineLimits == null) {
        pristineLimits = new java.util.IdentityHashMap<>();
        org.scilab.forge.jlatexmath.SymbolAtom.symbols
            .values()
            .forEach(symbol -> pristineLimits.put(symbol, symbol.type_limits));
      }
      try {
        TeXIcon icon =
            new TeXFormula(tex)
                .createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, EM);
        icon.setInsets(new Insets(0, 0, 0, 0), true); // true: no margin of its own
        icon.setForeground(Color.BLACK);
        double width = icon.getTrueIconWidth() / EM;
        double height = icon.getTrueIconHeight() / EM;
        double depth = icon.getTrueIconDepth() / EM;
        if (!(width > 0) || !(height + depth > 0)) {
          return Result.failed("the formula draws nothing");
        }
        OutlineCanvas canvas = new OutlineCanvas();
        canvas.translate(PAD_X * EM, PAD_Y * EM);
        icon.paintIcon(null, canvas, 0, 0);
        if (canvas.usedOtherFonts()) {
          // drawn from the system's fonts: boxes here, other glyphs on another machine
          return Result.failed("its fonts cannot draw " + nonAscii(tex));
        }
        // the box with room around it for ink that overhangs it
        double boxWidth = width + 2 * PAD_X;
        double boxHeight = height + PAD_Y;
        double boxDepth = depth + PAD_Y;
        byte[] svg = svg(canvas, boxWidth * EM, (boxHeight + boxDepth) * EM);
        String href = Asset.FORMULA_PREFIX + Hashes.sha256Hex(svg).substring(0, 16) + ".svg";
        Asset asset =
            new Asset(
                href,
                ImageType.SVG.mediaType(),
                svg,
                (int) Math.ceil(boxWidth * EM),
                (int) Math.ceil((boxHeight + boxDepth) * EM));
        return new Result(Optional.of(new Picture(asset, boxWidth, boxHeight, boxDepth)), "");
      } catch (ParseException e) {
        return Result.failed(firstLine(e.getMessage()));
      } catch (RuntimeException | LinkageError e) {
        return Result.failed("JLaTeXMath could not draw it (" + e.getClass().getSimpleName() + ")");
      } finally {
        pristineLimits.forEach((symbol, limits) -> symbol.type_limits = limits);
      }
    }
  }

  /**
   * Chinese and Japanese text in a formula ({@code \\text{内下标个数}}, {@code 令m=…} in a derivation),
   * drawn from the bundled Noto Sans SC, never from a system font: JLaTeXMath draws characters its
   * fonts lack with the AWT font registered for their Unicode block. The face is registered with
   * AWT once, when a formula first holds such a character; when a font of the same name is
   * installed already AWT keeps that one, and such formulas stay TeX, as before.
   */
  static final class CjkFace {
    private static final Character.UnicodeBlock[] BLOCKS = {
      Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
      Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
      Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION,
      Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS,
      Character.UnicodeBlock.HIRAGANA,
      Character.UnicodeBlock.KATAKANA,
      Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
    };

    private static volatile String name;
    private static volatile boolean tried;

    private CjkFace() {}

    static boolean wants(int cp) {
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      for (Character.UnicodeBlock b : BLOCKS) {
        if (b == block) {
          return true;
        }
      }
      return false;
    }

    /**
     * The face's name if it was registered, without registering it: what a canvas drawing a formula
     * accepts as the formula's own (a formula holding such text registered it first).
     */
    static String registered() {
      String n = name;
      return n == null ? "" : n;
    }

    /** The face's name, registering it first if no formula has yet; empty when it cannot be. */
    static String name() {
      if (!tried) {
        synchronized (CjkFace.class) {
          if (!tried) {
            name = register();
            tried = true;
          }
        }
      }
      return name;
    }

    private static String register() {
      try {
        java.awt.Font font =
            dev.gazette.typeset.AwtFonts.of(dev.gazette.typeset.FontSet.bundled().sans());
        if (!java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font)) {
          return "";
        }
        String family = font.getFamily(java.util.Locale.ROOT);
        for (Character.UnicodeBlock block : BLOCKS) {
          org.scilab.forge.jlatexmath.TeXFormula.registerExternalFont(block, family, family);
        }
        return font.getFontName(java.util.Locale.ROOT);
      } catch (RuntimeException | LinkageError e) {
        return ""; // no AWT fonts here (a JVM without them): such formulas stay TeX
      }
    }
  }

  /** The picture as SVG outlines, its viewBox {@code width} by {@code height} units. */
  private static byte[] svg(OutlineCanvas canvas, double width, double height) {
    String w = Decimals.upTo3(width);
    String h = Decimals.upTo3(height);
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + w
            + "\" height=\""
            + h
            + "\" viewBox=\"0 0 "
            + w
            + " "
            + h
            + "\">\n"
            + canvas.paths()
            + "</svg>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Full-width letters, digits and signs (typed with a Chinese input method: {@code i－1}, {@code
   * （a，b）}) as their ASCII selves, and the ideographic space as a space.
   */
  static String halfWidth(String tex) {
    StringBuilder out = null;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      char plain = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
      if (plain != c && out == null) {
        out = new StringBuilder(tex.substring(0, i));
      }
      if (out != null) {
        out.append(plain);
      }
    }
    return out == null ? tex : out.toString();
  }

  /**
   * Unicode's mathematical letters and digits ({@code 𝑥}, {@code 𝑓}, pasted from a rendered page)
   * as the ASCII ones TeX sets in their style anyway, the minus sign {@code −} as {@code -}, a thin
   * or no-break space as a space and {@code \\space} as {@code \\ }: JLaTeXMath's fonts draw none
   * of them, and 25 formulas of a blog of contest notes were kept as TeX for them.
   */
  static String mathLetters(String tex) {
    String s = tex.contains("\\space") ? SPACE_MACRO.matcher(tex).replaceAll("\\\\ ") : tex;
    if (s.codePoints().noneMatch(cp -> plain(cp) != null)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              String plain = plain(cp);
              if (plain != null) {
                out.append(plain);
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** What TeX means by {@code cp} when JLaTeXMath cannot draw it as written; null for itself. */
  private static String plain(int cp) {
    if (cp == 0x2212) {
      return "-";
    }
    if (cp > 0x7F && Character.getType(cp) == Character.SPACE_SEPARATOR) {
      return " "; // a thin or no-break space pasted from a page: TeX spaces itself
    }
    if (cp >= 0x1D400 && cp <= 0x1D7FF) {
      String nfkc =
          java.text.Normalizer.normalize(
              new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC);
      return nfkc.length() == 1 && nfkc.charAt(0) < 0x80 ? nfkc : null;
    }
    return null;
  }

  /** MathJax's and KaTeX's {@code \\space}, plain TeX's: a space, which JLaTeXMath lacks. */
  private static final Pattern SPACE_MACRO = Pattern.compile("\\\\space(?![A-Za-z])");

  /**
   * KaTeX's and MathJax's colour switch, {@code \\color{red} x + y}, which colours the rest of its
   * group (up to a closing brace, a cell's {@code &} or a row's {@code \\\\}), as JLaTeXMath's
   * {@code \\textcolor{red}{x + y}}: JLaTeXMath knows no {@code \\color}.
   */
  static String colorSwitches(String tex) {
    Matcher m = COLOR_SWITCH.matcher(tex);
    if (!m.find()) {
      return tex;
    }
    int end = m.end();
    int depth = 0;
    for (; end < tex.length(); end++) {
      char c = tex.charAt(end);
      if (c == '\\' && end + 1 < tex.length()) {
        if (depth == 0 && tex.charAt(end + 1) == '\\') {
          break;
        }
        end++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == '&' && depth == 0) {
        break;
      }
    }
    return tex.substring(0, m.start())
        + "\\textcolor{"
        + m.group(1)
        + "}{"
        + colorSwitches(tex.substring(m.end(), end))
        + "}"
        + colorSwitches(tex.substring(end));
  }

  /**
   * The starred environments of amsmath ({@code align*}, {@code gather*}…) as their plain selves,
   * and {@code equation} without its wrapper: JLaTeXMath knows neither, and a digest numbers no
   * equations, so the star changes nothing in the picture.
   */
  static String environments(String tex) {
    if (!tex.contains("\\begin")) {
      return tex;
    }
    String s = STARRED.matcher(tex).replaceAll("\\\\$1{$2}");
    s = EQUATION.matcher(s).replaceAll("");
    // An empty row of aligned (a row break first, or two in a row, for space) made JLaTeXMath draw
    // nothing at all: 4 derivations of a contest-notes blog. An empty group fills it.
    return EMPTY_ROW.matcher(s).replaceAll("$1{}");
  }

  /**
   * amsmath's equation labels, {@code \\tag{3}} and {@code \\tag*{(3)}}, as KaTeX and MathJax show
   * them: after the formula, in text, {@code (3)} with the parentheses the unstarred one adds.
   * JLaTeXMath knows no {@code \\tag}: divinerapier's 13 numbered transformations were kept as TeX.
   */
  static String tags(String tex) {
    if (!tex.contains("\\tag")) {
      return tex;
    }
    Matcher m = TAG.matcher(tex);
    StringBuilder labels = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      String label = m.group(1) == null ? "(" + m.group(2) + ")" : m.group(2);
      labels.append("\\qquad\\text{").append(label.strip()).append('}');
      m.appendReplacement(rest, "");
    }
    m.appendTail(rest);
    return labels.length() == 0 ? tex : rest.toString().strip() + labels;
  }

  private static final Pattern TAG = Pattern.compile("\\\\tag(\\*)?\\s*\\{([^{}]*)\\}");

  /** A row of an environment with nothing in it, before the row break that ends it. */
  private static final Pattern EMPTY_ROW =
      Pattern.compile(
          "(\\\\begin\\{[A-Za-z]+\\*?\\}(?:\\{[^}]*\\})?\\s*|\\\\\\\\(?:\\[[^\\]]*\\])?\\s*)(?=\\\\\\\\)");

  private static final Pattern STARRED =
      Pattern.compile(
          "\\\\(begin|end)\\s*\\{(align|alignat|eqnarray|gather|multline|flalign)\\*\\}");

  private static final Pattern EQUATION =
      Pattern.compile("\\\\(?:begin|end)\\s*\\{equation\\*?\\}");

  private static final Pattern COLOR_SWITCH = Pattern.compile("\\\\color\\s*\\{([^{}]*)\\}");

  /** The distinct characters of {@code tex} beyond ASCII, the first 12 of them. */
  private static String nonAscii(String tex) {
    return tex.codePoints()
        .filter(c -> c > 0x7F)
        .distinct()
        .limit(12)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "TeX it cannot read";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > 160 ? line.substring(0, 159) + "…" : line;
  }
}
