package dev.gazette.render.pdf;

import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.EmbeddedFonts;
import dev.gazette.typeset.FontCache;
import dev.gazette.typeset.FontFace;
import dev.gazette.typeset.FontFile;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontSubsetter;
import dev.gazette.typeset.FontUsage;
import dev.gazette.typeset.Glyphs;
import dev.gazette.typeset.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The text of a digest's SVG pictures, set in the digest's faces. The sanitizer put a role family
 * first in every {@code font-family} of a drawing ({@code 'Gazette Accent', Arial}); here that
 * family becomes the role's whole fallback chain, the drawings' characters join the font subsets,
 * and the renderer gives the subsets to the SVG drawer too, so Batik picks a face per character
 * along the chain and never falls back to a font of the JVM. In the copy the PDF draws:
 *
 * <ul>
 *   <li>a character no face has becomes the same visible box as in the text (and is reported);
 *   <li>invisible format characters (ZWJ, VS16, direction marks) go: Batik would draw them as a
 *       missing glyph;
 *   <li>{@code textLength} goes: it was measured in the author's font, and Batik spreads the
 *       drawer's faces to about twice that width;
 *   <li>a character beyond the BMP (emoji 💡, math letters 𝐀) becomes a private-use stand-in drawn
 *       by a face of its own ({@link #standInFaces()}): Batik asks fonts about one UTF-16 unit at a
 *       time, so no font ever "has" a surrogate and the emoji would be drawn as a missing glyph.
 * </ul>
 */
final class SvgFonts {
  /** The roles the sanitizer names ({@code dev.gazette.assets.SvgFontFamilies}). */
  private static final List<FontRole> ROLES =
      List.of(FontRole.ACCENT, FontRole.BODY, FontRole.MONO);

  private static final String STAND_IN_FAMILY = "Gazette SVG ";

  /** A face made for the drawings only. */
  record Face(String family, byte[] data) {}

  private final Map<String, String> textByHref;
  private final Map<Integer, Integer> standIns = new TreeMap<>();
  private final List<Face> standInFaces = new ArrayList<>();
  private Theme theme;
  private Set<Integer> missing = Set.of();

  private SvgFonts(Map<String, String> textByHref) {
    this.textByHref = textByHref;
  }

  /** The text of each SVG picture of the digest that has any, by {@code href}. */
  static SvgFonts of(Digest digest) {
    Map<String, String> text = new LinkedHashMap<>();
    for (Asset a : digest.assets()) {
      if (a.href().endsWith(".svg") && !a.isFormula()) { // a formula's picture has no text
        String t = text(a.bytes());
        if (!t.isBlank()) {
          text.put(a.href(), t);
        }
      }
    }
    return new SvgFonts(text);
  }

  /** Whether any drawing has text: only then does the SVG drawer need the faces. */
  boolean any() {
    return !textByHref.isEmpty();
  }

  /** The text a drawing prints, or "" (for naming the post in a missing-glyph warning). */
  String text(String href) {
    return textByHref.getOrDefault(href, "");
  }

  /** Adds every drawing's text to the roles drawings are set in. */
  void addTo(FontUsage usage) {
    for (String t : textByHref.values()) {
      for (FontRole role : ROLES) {
        usage.add(role, t);
      }
    }
  }

  /** {@link #prepare(Theme, FontCache, Set)} for the digest's faces, once they are chosen. */
  void prepare(RenderContext context, EmbeddedFonts fonts) throws IOException {
    try {
      prepare(context.theme(), context.fonts(), fonts.missing());
    } catch (FontSubsetter.UnsupportedFontException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Gives each character beyond the BMP that some face of a drawing's chain has a private-use
   * stand-in, and makes one stand-in face per font file that draws any.
   *
   * @param missing the characters no face has (they become boxes instead)
   */
  void prepare(Theme theme, FontCache fonts, Set<Integer> missing)
      throws IOException, FontSubsetter.UnsupportedFontException {
    this.theme = theme;
    this.missing = missing;
    Set<Integer> used = new TreeSet<>();
    textByHref.values().forEach(t -> t.codePoints().forEach(used::add));
    int next = 0xE000;
    Map<FontFile, SortedMap<Integer, Integer>> byFile = new LinkedHashMap<>();
    for (int cp : used) {
      if (cp <= 0xFFFF || missing.contains(cp) || Glyphs.invisible(cp)) {
        continue;
      }
      FontFile file = firstHaving(fonts, cp);
      if (file == null) {
        continue;
      }
      while (used.contains(next)) {
        next++; // the text's own private-use characters keep their meaning
      }
      if (next > 0xF8FF) {
        break; // 6,400 distinct emoji in the drawings of one digest: the rest stay as they are
      }
      standIns.put(cp, next);
      byFile.computeIfAbsent(file, f -> new TreeMap<>()).put(cp, next++);
    }
    for (Map.Entry<FontFile, SortedMap<Integer, Integer>> e : byFile.entrySet()) {
      standInFaces.add(
          new Face(
              STAND_IN_FAMILY + (standInFaces.size() + 1),
              FontSubsetter.subsetUnder(fonts.get(e.getKey()), e.getValue())));
    }
  }

  private FontFile firstHaving(FontCache fonts, int cp)
      throws IOException, FontSubsetter.UnsupportedFontException {
    for (FontRole role : ROLES) {
      for (FontFace face : theme.chain(role)) {
        if (FontSubsetter.has(fonts.get(face.file()), cp)) {
          return face.file();
        }
      }
    }
    return null;
  }

  /** The faces that draw the stand-ins, registered for the SVG drawer only. */
  List<Face> standInFaces() {
    return standInFaces;
  }

  /**
   * The drawing as the PDF draws it (see the class comment). A drawing without text is returned as
   * it is.
   */
  byte[] forPdf(byte[] svg) {
    String xml = new String(svg, StandardCharsets.UTF_8);
    if (theme == null || text(svg).isEmpty()) {
      return svg;
    }
    for (FontRole role : ROLES) {
      xml = xml.replace("'" + role.cssFamily() + "'", chain(role));
    }
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    // A text element and what it holds (tspan, textPath): select("*") includes the element.
    for (Element text : doc.select("text")) {
      for (Element e : text.select("*")) {
        // A length measured in the author's font: Batik stretches our glyphs to it, and with the
        // faces given to the drawer it spreads them to twice the width (OmniGraffle's labels).
        e.removeAttr("textLength").removeAttr("lengthAdjust");
        for (TextNode t : e.textNodes()) {
          t.text(drawable(t.getWholeText()));
        }
      }
    }
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }

  private String drawable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (missing.contains(cp)) {
        sb.appendCodePoint(Glyphs.BOX);
      } else if (standIns.containsKey(cp)) {
        sb.appendCodePoint(standIns.get(cp));
      } else if (!Glyphs.invisible(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  /** {@code 'Gazette Accent', 'Gazette Sans Latin', 'Gazette Emoji', …, 'Gazette SVG 1'}. */
  private String chain(FontRole role) {
    List<String> families = new ArrayList<>();
    theme.chain(role).forEach(f -> families.add(f.cssFamily()));
    standInFaces.forEach(f -> families.add(f.family()));
    StringBuilder sb = new StringBuilder();
    for (String family : families.stream().distinct().toList()) {
      sb.append(sb.isEmpty() ? "" : ", ").append('\'').append(family).append('\'');
    }
    return sb.toString();
  }

  /** The characters a drawing prints: its {@code text} elements, titles and styles left out. */
  static String text(byte[] svg) {
    String xml = new String(svg, StandardCharsets.UTF_8);
    if (!xml.contains("text")) {
      return "";
    }
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    StringBuilder sb = new StringBuilder();
    for (Element text : doc.select("text")) {
      if (text.parents().stream().noneMatch(p -> p.normalName().equals("text"))) {
        sb.append(text.wholeText()).append('\n');
      }
    }
    return sb.toString().isBlank() ? "" : sb.toString();
  }
}
