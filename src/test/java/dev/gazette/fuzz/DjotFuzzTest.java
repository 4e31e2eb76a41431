package dev.gazette.fuzz;

import dev.gazette.markdown.Djot;
import dev.gazette.markdown.MarkdownRenderer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

/**
 * The Djot reader on generated text of its marks, fences, lists and links: it never throws, gives
 * no more lines than it read, and what it gives renders as Markdown.
 */
class DjotFuzzTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  @Provide
  Arbitrary<String> djot() {
    return FuzzInputs.soup(
        List.of(
            "\n",
            "\n\n",
            " ",
            "    ",
            "_",
            "*",
            "^",
            "~",
            "{",
            "}",
            "{_",
            "_}",
            "{=",
            "=}",
            "{+",
            "-}",
            "[",
            "]",
            "(",
            ")",
            "](",
            "][",
            "]{.c}",
            "{#id .c}",
            "`",
            "``",
            "```",
            "``` =html",
            "```gleam",
            "{=html}",
            "$`",
            "\\",
            "\\ ",
            "<",
            ">",
            "&",
            "<https://a.b/c_d>",
            "# ",
            "## ",
            "- ",
            "1. ",
            "> ",
            ":::",
            "---",
            "* * *",
            "|",
            "[^1]",
            "[^1]: ",
            "[r]: /x",
            "word",
            "snake_case",
            "a*b*c",
            "中文"),
        60);
  }

  @Property
  void readsAnythingIntoRenderableMarkdown(@ForAll("djot") String text) {
    String md = Djot.read(text);
    Assertions.assertThat(md.split("\n", -1).length)
        .isLessThanOrEqualTo(text.split("\n", -1).length);
    RENDERER.toHtml(md);
  }
}
