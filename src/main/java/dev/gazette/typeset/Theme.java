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
  private final String pageSize;
  private final int columns;
  private final String themeCss;
  private final String extraCss;
  private final Map<FontRole, Boolean> serifKind;

  private Theme(
      String name,
      Map<FontRole, FontFile> fonts,
      Map<FontRole, List<FontFace>> chains,
      String pageSize,
      int columns,
      String themeCss,
      String extraCss,
      Map<FontRole, Boolean> serifKind) {
    this.name = name;
    this.fonts = Map.copyOf(fonts);
    this.chains = Map.copyOf(chains);
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
    for (FontRole role : FontRole.values()) {
      List<FontFace> chain = new ArrayList<>();
      chain.add(new FontFace(role.cssFamily(), role.weight(), roles.get(role)));
      if (role == FontRole.MONO || role == FontRole.MONO_BOLD) {
        // Code holds CJK comments and strings the monospace face lacks: the sans CJK face draws
        // them, in the code's weight.
        boolean bold = role == FontRole.MONO_BOLD;
        chain.add(
            new FontFace(MONO_CJK_FAMILY, role.weight(), bold ? fonts.sansBold() : fonts.sans()));
      }
      chain.addAll(fallbacks.chain(serifKind.get(role), role.weight()));
      chains.put(role, List.copyOf(chain));
    }
    return new Theme(
        key,
        roles,
        chains,
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

  /** Every font file the theme may draw from: own faces and fallbacks. */
  public List<FontFile> allFontFiles() {
    return chains.values().stream().flatMap(List::stream).map(FontFace::file).distinct().toList();
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
   */
  String withFallbackFamilies(String css) {
    Matcher m = FONT_FAMILY.matcher(css);
    StringBuilder out = new StringBuilder(css.length() + 1024);
    while (m.find()) {
      String value = m.group(2);
      for (FontRole role : FontRole.values()) {
        String quoted = "\"" + role.cssFamily() + "\"";
        int at = value.indexOf(quoted);
        if (at < 0) {
          continue;
        }
        StringBuilder list = new StringBuilder(quoted);
        for (FontFace face : chains.get(role).subList(1, chains.get(role).size())) {
          list.append(", \"").append(face.cssFamily()).append('"');
        }
        value = value.substring(0, at) + list + value.substring(at + quoted.length());
        break;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value));
    }
    m.appendTail(out);
    return out.toString();
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
