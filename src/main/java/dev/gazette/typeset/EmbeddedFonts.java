package dev.gazette.typeset;

import dev.gazette.util.InOrder;
import dev.gazette.util.TextDirection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The subset fonts of one digest: one subset per distinct font file, holding the characters of
 * every face that file plays. A role's own face comes first; each character it lacks goes to the
 * first fallback face of the role's chain ({@link Theme#chain}) that has it, and a fallback file is
 * embedded only when some character needs it. Built once per output.
 */
public final class EmbeddedFonts {
  /**
   * One subset font file, the roles it is the own face of (may be empty for a fallback), and the
   * faces (CSS family and weight) it is declared as.
   */
  public record Subset(String fileName, byte[] data, List<FontRole> roles, List<FontFace> faces) {}

  private final List<Subset> subsets;
  private final Map<FontRole, Subset> byRole;
  private final Set<Integer> missing;

  /** Whether some character of the digest is written right to left (Hebrew, Arabic…). */
  private final boolean rightToLeft;

  private EmbeddedFonts(
      List<Subset> subsets,
      Map<FontRole, Subset> byRole,
      Set<Integer> missing,
      boolean rightToLeft) {
    this.subsets = subsets;
    this.byRole = byRole;
    this.missing = missing;
    this.rightToLeft = rightToLeft;
  }

  /**
   * Subsets the theme's fonts for {@code usage}.
   *
   * @param fonts parsed fonts by file (see {@link FontCache})
   * @param perRole true to give each font only the characters it draws (EPUB, where size counts);
   *     false to give every font every character (PDF, where the renderer subsets again and falls
   *     back between faces)
   */
  public static EmbeddedFonts build(Theme theme, FontUsage usage, FontCache fonts, boolean perRole)
      throws IOException, FontSubsetter.UnsupportedFontException {
    Set<Integer> all = usage.all();
    // Which face of each role's chain draws each character.
    Map<FontFace, Set<Integer>> drawn = new LinkedHashMap<>();
    Set<Integer> missing = new TreeSet<>();
    Map<FontFile, CmapLookup> cmaps = new LinkedHashMap<>();
    for (FontRole role : FontRole.values()) {
      resolve(usage.codePoints(role), theme.chain(role), fonts, cmaps, drawn, missing);
      resolve(
          usage.latinFirstCodePoints(role), theme.latinChain(role), fonts, cmaps, drawn, missing);
    }

    // What each subset holds is decided first, then the subsets are made on all cores: one face
    // after another was a serial step of every EPUB (four CJK faces for the default theme).
    List<Set<Integer>> wanted = new ArrayList<>();
    List<FontFile> files = new ArrayList<>();
    Map<FontFile, List<FontRole>> rolesByFile = new LinkedHashMap<>();
    for (FontRole role : FontRole.values()) {
      rolesByFile.computeIfAbsent(theme.font(role), f -> new ArrayList<>()).add(role);
    }
    for (Map.Entry<FontFile, List<FontRole>> e : rolesByFile.entrySet()) {
      Set<Integer> cps = new TreeSet<>();
      if (perRole) {
        for (FontRole r : e.getValue()) {
          cps.addAll(usage.codePoints(r));
          // What the face draws after a Latin face, in Latin-script articles (CJK words).
          cps.addAll(drawn.getOrDefault(theme.chain(r).get(0), Set.of()));
        }
      } else {
        cps.addAll(all);
      }
      files.add(e.getKey());
      wanted.add(cps);
    }

    // Fallback faces, grouped by file, in chain order; only those that draw something.
    Map<FontFile, List<FontFace>> fallbackFaces = new LinkedHashMap<>();
    List<FontFace> fallbackOrder = new ArrayList<>();
    for (FontRole role : FontRole.values()) {
      fallbackOrder.addAll(theme.chain(role).subList(1, theme.chain(role).size()));
    }
    for (FontRole role : FontRole.values()) {
      fallbackOrder.addAll(theme.latinChain(role));
    }
    Set<String> ownFamilies = new java.util.HashSet<>();
    for (FontRole role : FontRole.values()) {
      ownFamilies.add(role.cssFamily());
    }
    for (FontFace f : fallbackOrder) {
      if (drawn.containsKey(f) && !ownFamilies.contains(f.cssFamily())) {
        List<FontFace> list = fallbackFaces.computeIfAbsent(f.file(), x -> new ArrayList<>());
        if (!list.contains(f)) {
          list.add(f);
        }
      }
    }
    for (Map.Entry<FontFile, List<FontFace>> e : fallbackFaces.entrySet()) {
      Set<Integer> cps = new TreeSet<>();
      if (perRole) {
        e.getValue().forEach(f -> cps.addAll(drawn.get(f)));
      } else {
        cps.addAll(all);
      }
      files.add(e.getKey());
      wanted.add(cps);
    }

    List<byte[]> data = subsetAll(files, wanted, fonts);
    List<Subset> subsets = new ArrayList<>();
    Map<FontRole, Subset> byRole = new EnumMap<>(FontRole.class);
    int next = 0;
    for (Map.Entry<FontFile, List<FontRole>> e : rolesByFile.entrySet()) {
      List<FontFace> faces =
          e.getValue().stream()
              .map(r -> new FontFace(r.cssFamily(), r.weight(), e.getKey()))
              .toList();
      Subset subset =
          new Subset(
              fileNameFor(e.getValue().get(0)), data.get(next++), List.copyOf(e.getValue()), faces);
      subsets.add(subset);
      e.getValue().forEach(r -> byRole.put(r, subset));
    }
    Set<String> names = new java.util.HashSet<>();
    subsets.forEach(s -> names.add(s.fileName()));
    for (Map.Entry<FontFile, List<FontFace>> e : fallbackFaces.entrySet()) {
      String name = fileNameFor(e.getValue().get(0));
      for (int n = 2; !names.add(name); n++) {
        name = fileNameFor(e.getValue().get(0)).replace(".ttf", "-" + n + ".ttf");
      }
      subsets.add(new Subset(name, data.get(next++), List.of(), List.copyOf(e.getValue())));
    }
    return new EmbeddedFonts(
        List.copyOf(subsets), byRole, missing, all.stream().anyMatch(TextDirection::rightToLeft));
  }

  /** Gives each visible character of {@code cps} to the first face of {@code chain} that has it. */
  /**
   * The subset of each of {@code files} for the code points at the same index, made on all cores
   * ({@link FontSubsetter#subset} locks the font it reads, so a file listed twice is safe).
   */
  private static List<byte[]> subsetAll(
      List<FontFile> files, List<Set<Integer>> wanted, FontCache fonts)
      throws IOException, FontSubsetter.UnsupportedFontException {
    try {
      return InOrder.map(
          IntStream.range(0, files.size()).boxed().toList(),
          i -> {
            try {
              return FontSubsetter.subset(fonts.get(files.get(i)), wanted.get(i));
            } catch (IOException | FontSubsetter.UnsupportedFontException e) {
              throw new Checked(e);
            }
          });
    } catch (Checked c) {
      if (c.getCause() instanceof IOException io) {
        throw io;
      }
      throw (FontSubsetter.UnsupportedFontException) c.getCause();
    }
  }

  /** Carries a subset's checked exception out of {@link InOrder}, to be thrown as it was. */
  private static final class Checked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Checked(Exception cause) {
      super(cause);
    }
  }

  private static void resolve(
      Set<Integer> cps,
      List<FontFace> chain,
      FontCache fonts,
      Map<FontFile, CmapLookup> cmaps,
      Map<FontFace, Set<Integer>> drawn,
      Set<Integer> missing) {
    for (int cp : cps) {
      if (Glyphs.invisible(cp)) {
        continue;
      }
      FontFace face = null;
      for (FontFace f : chain) {
        if (!f.mayDraw(cp)) {
          continue;
        }
        CmapLookup cmap = cmaps.computeIfAbsent(f.file(), file -> cmap(fonts, file));
        if (cmap != null && cmap.getGlyphId(cp) != 0) {
          face = f;
          break;
        }
      }
      if (face == null) {
        missing.add(cp);
      } else {
        drawn.computeIfAbsent(face, x -> new TreeSet<>()).add(cp);
      }
    }
  }

  private static CmapLookup cmap(FontCache fonts, FontFile file) {
    try {
      TrueTypeFont ttf = fonts.get(file);
      synchronized (ttf) {
        return SparseFont.unicodeLookup(ttf, false);
      }
    } catch (FontSubsetter.UnsupportedFontException | IOException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the digest holds a character written right to left: the PDF then lays its lines out
   * with the Unicode bidirectional algorithm, which a digest without one does not need.
   */
  public boolean rightToLeft() {
    return rightToLeft;
  }

  public List<Subset> subsets() {
    return subsets;
  }

  public Subset forRole(FontRole role) {
    return byRole.get(role);
  }

  /** Visible characters used in the digest that no face of their role's chain can draw. */
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

  /** {@code "Gazette Serif Latin"} at 700 -> {@code serif-latin-bold.ttf}. */
  private static String fileNameFor(FontFace face) {
    String slug =
        face.cssFamily()
            .replaceFirst("^Gazette ", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    return slug + (face.bold() ? "-bold" : "") + ".ttf";
  }
}
