package dev.gazette.typeset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The subset fonts of one digest: one subset per distinct font file, holding the characters of
 * every role that file plays. Built once per output.
 */
public final class EmbeddedFonts {
  /** One subset font file and the roles it serves. */
  public record Subset(String fileName, byte[] data, List<FontRole> roles) {}

  private final List<Subset> subsets;
  private final Map<FontRole, Subset> byRole;
  private final Set<Integer> missing;

  private EmbeddedFonts(List<Subset> subsets, Map<FontRole, Subset> byRole, Set<Integer> missing) {
    this.subsets = subsets;
    this.byRole = byRole;
    this.missing = missing;
  }

  /**
   * Subsets the theme's fonts for {@code usage}.
   *
   * @param fonts parsed fonts by file (see {@link FontCache})
   * @param perRole true to give each font only its roles' characters (EPUB, where size counts);
   *     false to give every font every character (PDF, where the renderer subsets again and falls
   *     back between faces)
   */
  public static EmbeddedFonts build(Theme theme, FontUsage usage, FontCache fonts, boolean perRole)
      throws IOException, FontSubsetter.UnsupportedFontException {
    Map<FontFile, List<FontRole>> rolesByFile = new LinkedHashMap<>();
    for (FontRole role : FontRole.values()) {
      rolesByFile.computeIfAbsent(theme.font(role), f -> new ArrayList<>()).add(role);
    }
    List<Subset> subsets = new ArrayList<>();
    Map<FontRole, Subset> byRole = new EnumMap<>(FontRole.class);
    Set<Integer> all = usage.all();
    Set<Integer> missing = new TreeSet<>(all);
    for (Map.Entry<FontFile, List<FontRole>> e : rolesByFile.entrySet()) {
      Set<Integer> cps = new TreeSet<>();
      if (perRole) {
        e.getValue().forEach(r -> cps.addAll(usage.codePoints(r)));
      } else {
        cps.addAll(all);
      }
      TrueTypeFont ttf = fonts.get(e.getKey());
      missing.retainAll(FontSubsetter.missing(ttf, all));
      byte[] data = FontSubsetter.subset(ttf, cps);
      Subset subset = new Subset(fileNameFor(e.getValue().get(0)), data, List.copyOf(e.getValue()));
      subsets.add(subset);
      e.getValue().forEach(r -> byRole.put(r, subset));
    }
    return new EmbeddedFonts(List.copyOf(subsets), byRole, missing);
  }

  public List<Subset> subsets() {
    return subsets;
  }

  public Subset forRole(FontRole role) {
    return byRole.get(role);
  }

  /** Characters used in the digest that none of the fonts can draw. */
  public Set<Integer> missing() {
    return missing;
  }

  /** Lists characters for a message: {@code 𠀀 (U+20000) …}. */
  public static String describe(java.util.Set<Integer> cps) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (int cp : cps) {
      if (n++ == 20) {
        sb.append(" … (").append(cps.size()).append(" in all)");
        break;
      }
      sb.append(n > 1 ? " " : "")
          .appendCodePoint(cp)
          .append(String.format(Locale.ROOT, " (U+%04X)", cp));
    }
    return sb.toString();
  }

  private static String fileNameFor(FontRole role) {
    return switch (role) {
      case BODY -> "body.ttf";
      case BODY_BOLD -> "body-bold.ttf";
      case HEADING -> "heading.ttf";
      case ACCENT -> "accent.ttf";
      case MONO -> "mono.ttf";
      case MONO_BOLD -> "mono-bold.ttf";
    };
  }
}
