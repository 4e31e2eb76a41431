package dev.gazette.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Heading ids that spell an emoji by its name: Zola's slugs go through the {@code slug} crate,
 * which transliterates each character with {@code deunicode}, and that spells an emoji by its
 * shortest common short name ({@code ## Faster builds (🦀)} → {@code faster-builds-crab}, 👩‍💻 →
 * {@code woman-computer}). The names are not shipped here: an emoji matches the words of its
 * Unicode name or a tail of them (CRAB, WOMAN, PERSONAL COMPUTER: crab, woman, computer); failing
 * that, any word, so that a heading still is found by the rest of its text when its emoji's short
 * name is not in its Unicode name (🎉 tada, PARTY POPPER).
 */
final class EmojiNames {
  private EmojiNames() {}

  /** A heading with emoji, as patterns over {@link Ids#key} of a link's fragment. */
  record Spelling(Element heading, Pattern byName, Pattern anyName) {}

  /** The spellings of those {@code headings} whose text holds an emoji (none for most posts). */
  static List<Spelling> spellings(Collection<Element> headings) {
    List<Spelling> out = new ArrayList<>();
    for (Element h : headings) {
      String text = h.text();
      if (text.codePoints().noneMatch(EmojiNames::isNamed)) {
        continue;
      }
      StringBuilder byName = new StringBuilder();
      StringBuilder anyName = new StringBuilder();
      StringBuilder plain = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        if (!isNamed(cp)) {
          plain.appendCodePoint(cp);
          continue;
        }
        String before = Pattern.quote(Ids.key(plain.toString()));
        plain.setLength(0);
        byName.append(before).append(nameWords(cp));
        anyName.append(before).append("[a-z0-9]+");
      }
      String rest = Pattern.quote(Ids.key(plain.toString()));
      out.add(
          new Spelling(
              h,
              Pattern.compile(byName.append(rest).toString()),
              Pattern.compile(anyName.append(rest).toString())));
    }
    return out;
  }

  /** The heading whose spelling {@code key} is, by the emoji's names first; null when none. */
  static Element find(List<Spelling> spellings, String key) {
    for (Spelling s : spellings) {
      if (s.byName().matcher(key).matches()) {
        return s.heading();
      }
    }
    for (Spelling s : spellings) {
      if (s.anyName().matcher(key).matches()) {
        return s.heading();
      }
    }
    return null;
  }

  /** A pictograph or a skin tone, each of which deunicode spells as words. */
  private static boolean isNamed(int cp) {
    return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
        || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER);
  }

  /** {@code (?:personalcomputer|computer)}: the Unicode name's words and each tail of them. */
  private static String nameWords(int cp) {
    String name = UCharacter.getName(cp);
    if (name == null) {
      return "[a-z0-9]+";
    }
    String[] words = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").split(" +");
    StringBuilder alternatives = new StringBuilder("(?:");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        alternatives.append('|');
      }
      alternatives.append(String.join("", Arrays.copyOfRange(words, i, words.length)));
    }
    return alternatives.append(")").toString();
  }
}
