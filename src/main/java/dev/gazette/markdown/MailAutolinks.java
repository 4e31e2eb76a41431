package dev.gazette.markdown;

import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.util.Cjk;
import java.util.List;

/**
 * Trims the mail addresses flexmark's autolink extension finds in running text to what an address
 * can be. Its scanner takes any letter for part of an address, so in Chinese text the words before
 * an {@code @} and everything after it up to the next space become one address: {@code
 * Spring的注解@import，给容器中导入…Registrar.class} was a {@code mailto:} link. An address here is an ASCII
 * local part right before the {@code @} and a domain of at least two labels after it; full-width
 * punctuation and CJK characters end it. The words around it stay text; without such an address the
 * whole link is text. Addresses written in angle brackets ({@code <a@b.org>}) are the writer's own
 * and are left alone.
 */
final class MailAutolinks {
  private MailAutolinks() {}

  /** Whether {@code markdown} may hold an address: most bodies have no {@code @}. */
  static boolean mayHold(String markdown) {
    return markdown.indexOf('@') >= 0;
  }

  static void mend(Document document) {
    List<MailLink> links = AstNodes.all(document, MailLink.class);
    for (MailLink link : links) {
      if (!link.getOpeningMarker().isEmpty()) {
        continue; // <a@b.org>
      }
      BasedSequence chars = link.getText();
      int[] address = address(chars);
      if (address == null) {
        link.insertBefore(new Text(link.getChars()));
        link.unlink();
        continue;
      }
      if (address[0] > 0) {
        link.insertBefore(new Text(chars.subSequence(0, address[0])));
      }
      if (address[1] < chars.length()) {
        link.insertAfter(new Text(chars.subSequence(address[1])));
      }
      BasedSequence kept = chars.subSequence(address[0], address[1]);
      link.setText(kept);
      link.setChars(kept);
    }
  }

  /** Start and end of the address in {@code text}, or null when it holds none. */
  static int[] address(CharSequence text) {
    int at = indexOf(text, '@');
    if (at < 0) {
      return null;
    }
    int start = at;
    while (start > 0 && localPart(text.charAt(start - 1))) {
      start--;
    }
    while (start < at && text.charAt(start) == '.') {
      start++; // a local part does not start with a dot
    }
    int end = at + 1;
    while (end < text.length() && domain(text, end)) {
      end += Character.charCount(Character.codePointAt(text, end));
    }
    while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--; // the full stop of a sentence
    }
    String domain = text.subSequence(at + 1, end).toString();
    boolean labels = domain.contains(".") && !domain.startsWith(".") && !domain.contains("..");
    return start < at && labels ? new int[] {start, end} : null;
  }

  /** RFC 5322's atext and the dot: ASCII only, so the words before an address are not in it. */
  private static boolean localPart(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0);
  }

  /** Letters and digits of a (possibly internationalized) domain, not CJK ones, dot and hyphen. */
  private static boolean domain(CharSequence text, int i) {
    int cp = Character.codePointAt(text, i);
    return cp == '.' || cp == '-' || (Character.isLetterOrDigit(cp) && !Cjk.isCjk(cp));
  }

  private static int indexOf(CharSequence text, char c) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
