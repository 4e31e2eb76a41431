package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look for the digest: stylesheets from {@code styles/} plus which font plays each {@link
 * FontRole}. A theme file starts with a settings comment, e.g. {@code /* gazette-theme: body=serif
 * heading=sans accent=sans page=A5 columns=1 *}{@code /}.
 */
public final class Theme {
  /** The family under which the sans CJK face draws what code holds beyond the monospace face. */
  static final String MONO_CJK_FAMILY = "Gazette Mono CJK";

  /** Where a stylesheet is used. */
  public enum Medium {
    EPUB,
    PDF,
    /** The HTML edition: a web page, drawn with the reader's system fonts. */
    HTML
  }

  /** Names of the themes shipped in {@code styles/}. */
  public static final List<String> BUNDLED = List.of("book", "modern", "print");

  private static final Pattern SETTINGS = Pattern.compile("gazette-theme:([^*]*)\\*/");

  private final String name;
  private final Map<FontRole, FontFile> fonts;
  private final Map<FontRole, List<FontFace>> chains;
  private final Map<FontRole, List<FontFace>> latinChains;
  private final String pageSize;
  private final int columns;
  private final String themeCss;
  private final String extraCss;
  private final Map<FontRole, Boolean> serifKind;

  private Theme(
      String name,
      Map<FontRole, FontFile> fonts,
      Map<FontRole, List<FontFace>> chains,
      Map<FontRole, List<FontFace>> latinChains,
      String pageSize,
      int columns,
      String themeCss,
      String extraCss,
      Map<FontRole, Boolean> serifKind) {
    this.name = name;
    this.fonts = Map.copyOf(fonts);
    this.chains = Map.copyOf(chains);
    this.latinChains = Map.copyOf(latinChains);
    this.pageSize = pageSize;
    this.columns = columns;
    this.themeCss = themeCss;
    this.extraCss = extraCss;
    this.serifKind = Map.copyOf(serifKind);
  }

  /**
   * Loads a bundled theme.
   *
   * @param fonts the serif and sans faces to use ({@link FontSet#bundled()} unless the user chose)
   * @param extraCss rules appended after the theme's (may be empty)
   */
  public static Theme load(String name, FontSet fonts, String extraCss) {
    return load(name, fonts, FallbackFonts.bundled(), extraCss);
  }

  /**
   * Loads a bundled theme with its fallback faces.
   *
   * @param fallbacks the faces tried after each role's own face ({@link FallbackFonts#bundled()}
   *     plus the user's {@code --font-fallback} files)
   */
  public static Theme load(String name, FontSet fonts, FallbackFonts fallbacks, String extraCss) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!BUNDLED.contains(key)) {
      throw new IllegalArgumentException(
          "unknown theme '" + name + "' (available: " + String.join(", ", BUNDLED) + ")");
    }
    String css = resource(key + ".css");
    Matcher m = SETTINGS.matcher(css);
    Map<String, String> settings = new java.util.HashMap<>();
    if (m.find()) {
      for (String pair : m.group(1).trim().split("\\s+")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2) {
          settings.put(kv[0], kv[1]);
        }
      }
    }
    boolean serifBody = !"sans".equals(settings.get("body"));
    boolean sansHeading = !"serif".equals(settings.get("heading"));
    boolean sansAccent = !"serif".equals(settings.get("accent"));
    Map<FontRole, FontFile> roles = new EnumMap<>(FontRole.class);
    roles.put(FontRole.BODY, serifBody ? fonts.serif() : fonts.sans());
    roles.put(FontRole.BODY_BOLD, serifBody ? fonts.serifBold() : fonts.sansBold());
    roles.put(FontRole.HEADING, sansHeading ? fonts.sansBold() : fonts.serifBold());
    roles.put(FontRole.ACCENT, sansAccent ? fonts.sans() : fonts.serif());
    roles.put(FontRole.MONO, fonts.mono());
    roles.put(FontRole.MONO_BOLD, fonts.monoBold());
    Map<FontRole, Boolean> serifKind = new EnumMap<>(FontRole.class);
    serifKind.put(FontRole.BODY, serifBody);
    serifKind.put(FontRole.BODY_BOLD, serifBody);
    serifKind.put(FontRole.HEADING, !sansHeading);
    serifKind.put(FontRole.ACCENT, !sansAccent);
    serifKind.put(FontRole.MONO, false);
    serifKind.put(FontRole.MONO_BOLD, false);
    Map<FontRole, List<FontFace>> chains = new EnumMap<>(FontRole.class);
    Map<FontRole, List<FontFace>> latinChains = new EnumMap<>(FontRole.class);
    for (FontRole role : FontRole.values()) {
      List<FontFace> chain = new ArrayList<>();
      FontFace own = new FontFace(role.cssFamily(), role.weight(), roles.get(role));
      chain.add(own);
      boolean mono = role == FontRole.MONO || role == FontRole.MONO_BOLD;
      if (mono) {
        // Code holds CJK comments and strings the monospace face lacks: the sans CJK face draws
        // them, in the code's weight.
        boolean bold = role == FontRole.MONO_BOLD;
        chain.add(
            new FontFace(MONO_CJK_FAMILY, role.weight(), bold ? fonts.sansBold() : fonts.sans()));
      }
      chain.addAll(fallbacks.chain(serifKind.get(role), role.weight()));
      chains.put(role, List.copyOf(chain));
      // Latin-script articles: the Latin face of the role's kind first, then the role's own (CJK)
      // face for the Chinese words such an article quotes. The monospace face draws Latin itself.
      List<FontFace> latin = new ArrayList<>(chain);
      if (!mono) {
        FontFace latinFace = latin.remove(1);
        latin.add(0, latinFace);
      }
      latinChains.put(role, List.copyOf(latin));
    }
    return new Theme(
        key,
        roles,
        chains,
        latinChains,
        settings.getOrDefault("page", "A5"),
        Integer.parseInt(settings.getOrDefault("columns", "1")),
        css,
        extraCss == null ? "" : extraCss,
        serifKind);
  }

  public String name() {
    return name;
  }

  public FontFile font(FontRole role) {
    return fonts.get(role);
  }

  public Map<FontRole, FontFile> fonts() {
    return fonts;
  }

  /**
   * The faces that draw {@code role}, tried character by character in this order: the role's own
   * face first, then its fallbacks ({@link FallbackFonts}). Stylesheets name only the role's
   * family; {@link #css} lists the rest after it.
   */
  public List<FontFace> chain(FontRole role) {
    return chains.get(role);
  }

  /**
   * The faces that draw {@code role} in a Latin-script article ({@code .latin}): the Latin face of
   * the role's kind first, so that Latin letters and the punctuation both faces have (’ “ ” — …)
   * come from one design at Latin widths (the CJK faces set ’ and “ on a full em, and lack Latin
   * Extended: "Łódź" would mix two designs); then the role's own face, for CJK words in the
   * article, and the symbol faces. Code keeps its monospace chain.
   */
  public List<FontFace> latinChain(FontRole role) {
    return latinChains.get(role);
  }

  /**
   * Every font file the theme may draw from: the roles' own faces first, then the fallbacks, in
   * role order (the order a prefetch reads them in).
   */
  public List<FontFile> allFontFiles() {
    List<FontFile> files = new java.util.ArrayList<>(ownFontFiles());
    for (FontRole role : FontRole.values()) {
      chains.get(role).forEach(face -> files.add(face.file()));
    }
    return files.stream().distinct().toList();
  }

  /** The font files of the roles' own faces (each role's first choice), in role order. */
  public List<FontFile> ownFontFiles() {
    return java.util.Arrays.stream(FontRole.values()).map(this::font).distinct().toList();
  }

  /** The user's rules ({@code --css}) appended after the theme's; empty when none. */
  public String extraCss() {
    return extraCss;
  }

  /** The theme's page size: {@code A5}, {@code A4}, {@code Letter} or {@code 6in}. */
  public String pageSize() {
    return pageSize;
  }

  /** Columns for article text in the PDF. */
  public int columns() {
    return columns;
  }

  /** The full stylesheet for a medium: base rules, the theme, the medium's rules, user rules. */
  public String css(Medium medium) {
    String css =
        resource("base.css")
            + "\n"
            + themeCss
            + "\n"
            + resource(medium.name().toLowerCase(Locale.ROOT) + ".css")
            + "\n"
            + extraCss;
    // A web page embeds no fonts: each role gets the system faces of its kind instead.
    return medium == Medium.HTML
        ? SystemFonts.replaceFamilies(css, this::serif)
        : withFallbackFamilies(css);
  }

  /** Whether the theme draws {@code role} with a serif face. */
  public boolean serif(FontRole role) {
    return serifKind.get(role);
  }

  private static final Pattern FONT_FAMILY = Pattern.compile("(?i)(font-family\\s*:\\s*)([^;}]+)");

  /**
   * Lists each role's fallback families after the role's family in every {@code font-family}
   * declaration: {@code "Gazette Body", serif} becomes {@code "Gazette Body", "Gazette Serif
   * Latin", "Gazette Emoji", …, serif}. Both outputs fall back per character along that list (the
   * PDF renderer over the fonts it was given, an EPUB reader over the {@code @font-face} rules).
   *
   * <p>Each style rule that sets a family is followed by a copy for Latin-script articles: {@code
   * .latin h2 { font-family: "Gazette Sans Latin", "Gazette Heading", … }} ({@link #latinChain}).
   * The copy sets only the family and is one class more specific than its rule, and every such rule
   * has its copy, so inside {@code .latin} the copies decide among themselves exactly as the rules
   * do outside: a theme's or a user's rule still wins where it won before.
   */
  String withFallbackFamilies(String css) {
    StringBuilder out = new StringBuilder(css.length() * 2);
    int i = 0;
    while (i < css.length()) {
      int open = nextBrace(css, i);
      if (open < 0) {
        out.append(css, i, css.length());
        break;
      }
      int close = matchingBrace(css, open);
      String rule = css.substring(i, close + 1);
      String prelude = css.substring(i, open).replaceAll("(?s)/\\*.*?\\*/", "").strip();
      String family = lastFamily(css.substring(open + 1, close));
      boolean styleRule = family != null && !prelude.startsWith("@");
      if (styleRule && latinOnly(prelude)) {
        out.append(expand(rule, latinChains)); // a rule for Latin-script articles already
      } else {
        out.append(expand(rule, chains));
        if (styleRule) {
          String latinFamily = expandValue(family, latinChains, serifKind);
          out.append('\n')
              .append(latinSelectors(prelude))
              .append(" { font-family: ")
              .append(latinFamily)
              .append("; }");
          String marks = markSelectors(prelude);
          if (!marks.isEmpty()) {
            out.append('\n')
                .append(marks)
                .append(" { font-family: ")
                .append(latinFamily)
                .append("; }");
          }
        }
      }
      i = close + 1;
    }
    return out.toString();
  }

  /** Every {@code font-family} value of {@code css} with the chain of the role it names first. */
  private String expand(String css, Map<FontRole, List<FontFace>> chains) {
    Matcher m = FONT_FAMILY.matcher(css);
    StringBuilder out = new StringBuilder(css.length() + 256);
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + expandValue(m.group(2), chains, serifKind)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String expandValue(
      String value, Map<FontRole, List<FontFace>> chains, Map<FontRole, Boolean> serifKind) {
    // The role named first decides: "Gazette Mono", "Gazette Accent" is code.
    FontRole first = null;
    int firstAt = Integer.MAX_VALUE;
    int length = 0;
    for (FontRole role : FontRole.values()) {
      int at = value.indexOf("\"" + role.cssFamily() + "\"");
      if (at >= 0 && at < firstAt) {
        first = role;
        firstAt = at;
        length = role.cssFamily().length() + 2;
      }
    }
    if (first == null) {
      // A list naming no role (a user's "font-family: monospace", "Fira Code", serif) is drawn
      // by the theme's face of its generic family: the PDF has no face under a generic name,
      // and its renderer fails on a text no listed face can draw.
      Matcher generic = GENERIC_FAMILY.matcher(value);
      if (!generic.find()) {
        return value;
      }
      first = genericRole(generic.group(1).toLowerCase(Locale.ROOT), serifKind);
      firstAt = generic.start(1);
    }
    StringBuilder list = new StringBuilder();
    for (FontFace face : chains.get(first)) {
      list.append(list.isEmpty() ? "" : ", ").append('"').append(face.cssFamily()).append('"');
    }
    return length == 0
        ? value.substring(0, firstAt) + list + ", " + value.substring(firstAt)
        : value.substring(0, firstAt) + list + value.substring(firstAt + length);
  }

  /** CSS generic families, unquoted, as a whole item of a family list. */
  private static final Pattern GENERIC_FAMILY =
      Pattern.compile(
          "(?i)(?:^|,)\\s*(serif|sans-serif|monospace|cursive|fantasy|system-ui|ui-serif"
              + "|ui-sans-serif|ui-monospace|ui-rounded|emoji|math|fangsong)\\s*(?=,|$|!)");

  /**
   * The role that draws a generic family: monospace ones the code face; serif ones the first of
   * body, accent and heading the theme sets in a serif face (else the body's); the others the first
   * of accent, body and heading set in a sans face (else the accent's).
   */
  static FontRole genericRole(String generic, Map<FontRole, Boolean> serifKind) {
    if (generic.equals("monospace") || generic.equals("ui-monospace")) {
      return FontRole.MONO;
    }
    boolean serif =
        generic.equals("serif") || generic.equals("ui-serif") || generic.equals("fangsong");
    List<FontRole> order =
        serif
            ? List.of(FontRole.BODY, FontRole.ACCENT, FontRole.HEADING)
            : List.of(FontRole.ACCENT, FontRole.BODY, FontRole.HEADING);
    for (FontRole role : order) {
      if (serifKind.get(role) == serif) {
        return role;
      }
    }
    return order.get(0);
  }

  /** The value of the last {@code font-family} declaration in a rule body, or null. */
  private static String lastFamily(String body) {
    if (body.indexOf('{') >= 0) {
      return null; // an at-rule's nested blocks
    }
    Matcher m = FONT_FAMILY.matcher(body);
    String value = null;
    while (m.find()) {
      value = m.group(2).strip();
    }
    return value;
  }

  private static boolean latinOnly(String prelude) {
    for (String selector : prelude.split(",")) {
      if (!selector.contains(".latin")) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code h2, .meta} -> {@code .latin h2, .latin .meta}; {@code body} -> {@code .latin,
   * .latin-block}. {@code .latin-block} is an English paragraph of a CJK article, in both outputs
   * ({@link EnglishParagraphs}): it takes the body's Latin chain, and the elements inside it that
   * have a face of their own (emphasis) keep it. A copy of every rule under {@code .latin-block}
   * too made the 1,000-post PDF 5% slower (selector matching).
   */
  private static String latinSelectors(String prelude) {
    List<String> out = new ArrayList<>();
    for (String selector : prelude.split(",")) {
      String s = selector.strip();
      if (s.equals("body") || s.equals("html")) {
        out.add(".latin");
        out.add("." + EnglishParagraphs.CLASS);
      } else if (s.contains(".latin")) {
        out.add(s);
      } else {
        out.add(".latin " + s);
      }
    }
    return String.join(", ", out);
  }

  /**
   * {@code h2, .meta} -> {@code h2 .latin-mark, .meta .latin-mark}; {@code body} -> {@code
   * .latin-mark}: the marks of English text in a CJK article ({@link LatinMarks}) take the Latin
   * chain of the role around them. Pseudo-elements hold no marks and are left out.
   */
  private static String markSelectors(String prelude) {
    List<String> out = new ArrayList<>();
    for (String selector : prelude.split(",")) {
      String s = selector.strip();
      if (s.contains(":before") || s.contains(":after") || s.contains("::")) {
        continue;
      }
      out.add(
          s.equals("body") || s.equals("html")
              ? "." + LatinMarks.CLASS
              : s + " ." + LatinMarks.CLASS);
    }
    return String.join(", ", out);
  }

  /** The next '{' at or after {@code from} outside comments, or -1. */
  private static int nextBrace(String css, int from) {
    for (int j = from; j < css.length(); j++) {
      if (css.startsWith("/*", j)) {
        int end = css.indexOf("*/", j + 2);
        if (end < 0) {
          return -1;
        }
        j = end + 1;
      } else if (css.charAt(j) == '{') {
        return j;
      }
    }
    return -1;
  }

  private static int matchingBrace(String css, int open) {
    int depth = 0;
    for (int j = open; j < css.length(); j++) {
      if (css.startsWith("/*", j)) {
        int end = css.indexOf("*/", j + 2);
        j = end < 0 ? css.length() : end + 1;
        continue;
      }
      char c = css.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return j;
      }
    }
    return css.length() - 1;
  }

  static String resource(String file) {
    try (InputStream in = Theme.class.getResourceAsStream("/dev/gazette/styles/" + file)) {
      if (in == null) {
        throw new IllegalStateException("stylesheet " + file + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
