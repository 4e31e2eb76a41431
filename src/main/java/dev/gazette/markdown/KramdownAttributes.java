package dev.gazette.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes kramdown's block attribute lists, which Jekyll posts write on a line of their own before
 * or after a block ({@code {:lang='ruby'}} under a fenced code block, {@code {: .note}} under a
 * paragraph): they are markup, but CommonMark prints them as text. One naming a code language
 * ({@code lang=…}, {@code .language-…}) gives it to the code block just before it when that block
 * names none, so it is marked and highlighted as kramdown would; one naming an id ({@code {:
 * #v4-4-1}} under a heading) gives it to the heading just before it. kramdown's {@code * TOC} list
 * marked {@code {:toc}} goes with it (the digest has its own contents). Only whole lines at the
 * start or end of a paragraph go: braces inside a sentence, in inline code or in a code block stay.
 */
final class KramdownAttributes {
  /** One attribute list, {@code {: .class #id key="value"}}; not an extension, {@code {::…}}. */
  private static final String LIST = "\\{:(?!:)(?:[^}\"'\\n]|\"[^\"\\n]*\"|'[^'\\n]*')*\\}";

  /**
   * One attribute list as Python-Markdown's attr_list writes it (MkDocs), without kramdown's colon:
   * {@code { style="display: inline" }}, {@code { .sh .no-copy }}. Only classes, ids and values:
   * braces holding other text stay text.
   */
  private static final String PYTHON_LIST =
      "\\{[ \\t]*(?:(?:[.#][\\w-]+|[\\w-]+=(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s}\"']+))[ \\t]*)+\\}";

  private static final Pattern PYTHON_HINT = Pattern.compile("\\{[ \\t]*(?:[.#][\\w-]|[\\w-]+=)");

  private static final Pattern LINE =
      Pattern.compile("(?:(?:" + LIST + "|" + PYTHON_LIST + ")[ \\t]*)+");
  private static final Pattern LANGUAGE =
      Pattern.compile(
          "[\\s:]lang\\s*=\\s*(?:\"([^\"\\s]+)\"|'([^'\\s]+)'|([^\\s}\"']+))|\\.language-([\\w+#.-]+)");

  /** An id in an attribute list, {@code {: #v4-4-1}}, once its quoted values are taken out. */
  private static final Pattern ID = Pattern.compile("[{:\\s]#([^\\s{}#\"']+)");

  /** A fence's info written as an attribute list: {@code { .sh .no-copy }}, {@code {.python}}. */
  private static final Pattern BRACED_INFO = Pattern.compile("\\{\\s*\\.([\\w+#-]+)");

  /**
   * A language followed, without a space, by what markdown-it's sites read after it: VitePress's
   * lines to highlight ({@code js{4,12-15}}) and line numbers ({@code ts:line-numbers}).
   */
  private static final Pattern MARKED_LANGUAGE = Pattern.compile("([\\w+#.-]+)[{:]");

  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

  private static final Pattern TOC = Pattern.compile("\\{:\\s*toc\\s*\\}");

  /** The languages given to code blocks, by block, read when the {@code code} tag is written. */
  private static final DataKey<Map<Node, String>> LANGUAGES =
      new DataKey<>("GAZETTE_KRAMDOWN_LANGUAGES", Map.of());

  /** The ids given to paragraphs, by paragraph, read when the {@code p} tag is written. */
  private static final DataKey<Map<Node, String>> IDS =
      new DataKey<>("GAZETTE_KRAMDOWN_IDS", Map.of());

  private KramdownAttributes() {}

  /**
   * What was removed from one body.
   *
   * @param lists the attribute lists removed, as written, in order
   * @param languages code blocks given a language by them
   * @param ids headings and paragraphs given an id by them ({@code {: #v4-4-1}} under the heading,
   *     {@code {: #fn1}} under a footnote written by hand)
   * @param tocs lists {@code * TOC} marked {@code {:toc}} removed with them
   */
  record Removed(List<String> lists, int languages, int ids, int tocs) {}

  /**
   * One line for the post: {@code 3 kramdown attribute lists {:lang='python'} removed: markup, not
   * text; 3 code blocks take their language from them}.
   */
  static String describe(Removed removed) {
    List<String> kinds = removed.lists().stream().distinct().toList();
    int n = removed.lists().size();
    List<String> kept = new ArrayList<>();
    if (removed.languages() > 0) {
      kept.add(
          removed.languages() + (removed.languages() == 1 ? " code language" : " code languages"));
    }
    if (removed.ids() > 0) {
      kept.add(removed.ids() + (removed.ids() == 1 ? " id" : " ids"));
    }
    String kind =
        removed.lists().stream().allMatch(l -> l.startsWith("{:"))
            ? "kramdown attribute list"
            : "attribute list";
    return (n == 1 ? kind + " " : n + " " + kind + "s ")
        + Listing.firstThree(kinds)
        + " removed: markup, not text"
        + (kept.isEmpty() ? "" : "; kept: " + String.join(", ", kept))
        + (removed.tocs() == 0
            ? ""
            : "; the list '* TOC' kramdown replaces with a table of contents removed with {:toc}");
  }

  /** Whether {@code markdown} may hold such a line: most bodies do not, and are not walked. */
  static boolean mayHold(String markdown) {
    return markdown.contains("{:") || PYTHON_HINT.matcher(markdown).find();
  }

  /** Removes the attribute-list lines of {@code document}'s paragraphs. */
  static Removed mend(Document document) {
    List<String> removed = new ArrayList<>();
    Map<Node, String> languages = new IdentityHashMap<>();
    Map<Node, String> paragraphIds = new IdentityHashMap<>();
    int ids = 0;
    int tocs = 0;
    for (Paragraph p : AstNodes.all(document, Paragraph.class)) {
      List<BasedSequence> lines = p.getContentLines();
      int first = 0;
      while (first < lines.size() && isList(lines.get(first))) {
        first++;
      }
      if (first == lines.size()) {
        lines.forEach(l -> removed.add(l.trim().toString()));
        Node before = p.getPrevious();
        if ((before instanceof FencedCodeBlock fenced && fenced.getInfo().isBlank())
            || before instanceof IndentedCodeBlock) {
          for (BasedSequence line : lines) {
            languageOf(line.toString()).ifPresent(lang -> languages.putIfAbsent(before, lang));
          }
        } else if (before instanceof Heading heading && giveId(heading, lines)) {
          ids++;
        } else if (before instanceof Paragraph paragraph
            && giveId(paragraph, lines, paragraphIds)) {
          ids++;
        }
        p.unlink();
        continue;
      }
      int last = lines.size();
      while (last > first && isList(lines.get(last - 1))) {
        last--;
      }
      if (first > 0 && removeInlines(p, p.getStartOffset(), lines.get(first).getStartOffset())) {
        lines.subList(0, first).forEach(l -> removed.add(l.trim().toString()));
      }
      if (last < lines.size()
          && removeInlines(p, lines.get(last).getStartOffset(), p.getEndOffset())) {
        lines.subList(last, lines.size()).forEach(l -> removed.add(l.trim().toString()));
        if (giveId(p, lines.subList(last, lines.size()), paragraphIds)) {
          ids++;
        }
        if (isTocMarker(p, lines.subList(last, lines.size()))) {
          p.getParent().getParent().unlink();
          tocs++;
        }
      }
    }
    if (!languages.isEmpty()) {
      document.set(LANGUAGES, languages);
    }
    if (!paragraphIds.isEmpty()) {
      document.set(IDS, paragraphIds);
    }
    return new Removed(removed, languages.size(), ids, tocs);
  }

  /**
   * Gives the heading the first id of the lines as an id attribute at its end, which {@code
   * HeadingIdAttributes} makes its id; not when its text ends in braces already (its own id).
   */
  private static boolean giveId(Heading heading, List<BasedSequence> lines) {
    if (heading.getText().trimEnd().endsWith("}")) {
      return false;
    }
    Optional<String> id = firstId(lines);
    id.ifPresent(i -> heading.appendChild(new Text(BasedSequence.of(" {#" + i + "}"))));
    return id.isPresent();
  }

  /**
   * Gives the paragraph the first id of the lines under it (Ruby's news end a footnote written by
   * hand with {@code {: #fn1}}, which their {@code [1](#fn1)} links to).
   */
  private static boolean giveId(Paragraph p, List<BasedSequence> lines, Map<Node, String> ids) {
    Optional<String> id = firstId(lines);
    id.ifPresent(i -> ids.putIfAbsent(p, i));
    return id.isPresent();
  }

  /** The first id the attribute lists name ({@code {: #fn1}}), their quoted values aside. */
  private static Optional<String> firstId(List<BasedSequence> lines) {
    for (BasedSequence line : lines) {
      Matcher m = ID.matcher(QUOTED.matcher(line).replaceAll(""));
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * kramdown's {@code * TOC} list marked {@code {:toc}}, which it replaces with a table of contents
   * (the digest has its own): the paragraph is the only one of the only item of its list.
   */
  private static boolean isTocMarker(Paragraph p, List<BasedSequence> lists) {
    return lists.stream().anyMatch(l -> TOC.matcher(l.trim()).matches())
        && p.getParent() instanceof ListItem item
        && item.getFirstChild() == p
        && p.getNext() == null
        && item.getPrevious() == null
        && item.getNext() == null;
  }

  private static boolean isList(BasedSequence line) {
    return LINE.matcher(line.trim()).matches();
  }

  /**
   * Removes the paragraph's inlines from {@code start} to {@code end} (offsets), with the line
   * break that parts them from the rest, when they are only text: an emphasis or link reaching into
   * those lines means they are no attribute list.
   */
  private static boolean removeInlines(Paragraph p, int start, int end) {
    List<Node> inside = new ArrayList<>();
    for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
      boolean in = n.getStartOffset() >= start && n.getEndOffset() <= end;
      boolean across = n.getStartOffset() < end && n.getEndOffset() > start;
      if (across && !in) {
        return false;
      }
      if (in) {
        if (!(n instanceof Text || n instanceof SoftLineBreak || n instanceof HardLineBreak)) {
          return false;
        }
        inside.add(n);
      }
    }
    inside.forEach(Node::unlink);
    // The break that parted the removed lines from the text stays behind at its edge.
    while (p.getLastChild() instanceof SoftLineBreak || p.getLastChild() instanceof HardLineBreak) {
      p.getLastChild().unlink();
    }
    while (p.getFirstChild() instanceof SoftLineBreak
        || p.getFirstChild() instanceof HardLineBreak) {
      p.getFirstChild().unlink();
    }
    return !inside.isEmpty();
  }

  private static Optional<String> languageOf(String list) {
    Matcher m = LANGUAGE.matcher(list);
    if (!m.find()) {
      return Optional.empty();
    }
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) != null) {
        return Optional.of(m.group(g));
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the language a code block was given as its {@code code} tag's class, and the id a
   * paragraph was given as its {@code p} tag's.
   */
  static final class CodeLanguage implements AttributeProvider {
    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
      if (part == CoreNodeRenderer.CODE_CONTENT) {
        String language = LANGUAGES.get(node.getDocument()).get(node);
        if (language != null) {
          attributes.addValue("class", "language-" + language);
        }
        if (node instanceof FencedCodeBlock fenced) {
          // ``` { .sh .no-copy } (Python-Markdown's attr_list, MkDocs) and pandoc's ```{.python}:
          // the first class is the language, not "{"
          Matcher braced = BRACED_INFO.matcher(fenced.getInfo().toString());
          Matcher marked = MARKED_LANGUAGE.matcher(fenced.getInfo().toString());
          if (braced.lookingAt()) {
            attributes.replaceValue("class", "language-" + braced.group(1));
          } else if (marked.lookingAt()) {
            attributes.replaceValue("class", "language-" + marked.group(1));
          }
        }
      } else if (node instanceof Paragraph && part == AttributablePart.NODE) {
        String id = IDS.get(node.getDocument()).get(node);
        if (id != null) {
          attributes.replaceValue("id", id);
        }
      }
    }
  }
}
