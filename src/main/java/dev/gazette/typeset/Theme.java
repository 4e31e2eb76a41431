package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
  /** Where a stylesheet is used. */
  public enum Medium {
    EPUB,
    PDF
  }

  /** Names of the themes shipped in {@code styles/}. */
  public static final List<String> BUNDLED = List.of("book", "modern", "print");

  private static final Pattern SETTINGS = Pattern.compile("gazette-theme:([^*]*)\\*/");

  private final String name;
  private final Map<FontRole, FontFile> fonts;
  private final String pageSize;
  private final int columns;
  private final String themeCss;
  private final String extraCss;

  private Theme(
      String name,
      Map<FontRole, FontFile> fonts,
      String pageSize,
      int columns,
      String themeCss,
      String extraCss) {
    this.name = name;
    this.fonts = Map.copyOf(fonts);
    this.pageSize = pageSize;
    this.columns = columns;
    this.themeCss = themeCss;
    this.extraCss = extraCss;
  }

  /**
   * Loads a bundled theme.
   *
   * @param fonts the serif and sans faces to use ({@link FontSet#bundled()} unless the user chose)
   * @param extraCss rules appended after the theme's (may be empty)
   */
  public static Theme load(String name, FontSet fonts, String extraCss) {
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
    return new Theme(
        key,
        roles,
        settings.getOrDefault("page", "A5"),
        Integer.parseInt(settings.getOrDefault("columns", "1")),
        css,
        extraCss == null ? "" : extraCss);
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
    return resource("base.css")
        + "\n"
        + themeCss
        + "\n"
        + resource(medium == Medium.PDF ? "pdf.css" : "epub.css")
        + "\n"
        + extraCss;
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
