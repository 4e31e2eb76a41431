package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which dollars open a formula, as pandoc's {@code tex_math_dollars} reads them, and a bit less.
 */
class MathSyntaxTest {
  static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          设 $x$ 为                  | 设 <span class="math inline">\\(x\\)</span> 为
          前$i$项                    | 前<span class="math inline">\\(i\\)</span>项
          $a_1 * b_2 * c$ ok         | <span class="math inline">\\(a_1 * b_2 * c\\)</span> ok
          $a\\_1$                    | <span class="math inline">\\(a_1\\)</span>
          $\\\\{1\\\\}$              | <span class="math inline">\\(\\{1\\}\\)</span>
          $$x^2$$                    | <span class="math display">\\[x^2\\]</span>
          it cost $5 and $10 later   | it cost $5 and $10 later
          US$20 and $x$              | US$20 and <span class="math inline">\\(x\\)</span>
          $ x$ and $x $              | $ x$ and $x $
          \\$x\\$                    | $x$
          `$x$`                      | <code>$x$</code>
          $5 then `$x$`              | $5 then <code>$x$</code>
          a $$ b                     | a $$ b
          $x<y$                      | <span class="math inline">\\(x&lt;y\\)</span>
          Impl$$Enhancer$$129db      | Impl$$Enhancer$$129db
          0-${len-1}/${len}          | 0-${len-1}/${len}
          $E000–$FFFF を             | $E000–$FFFF を
          以「$」开头，$x$            | 以「$」开头，<span class="math inline">\\(x\\)</span>
          $\\left\\( x \\right\\)$   | <span class="math inline">\\(\\left( x \\right)\\)</span>
          $a \\\\[2pt] b$            | <span class="math inline">\\(a \\\\[2pt] b\\)</span>
          $<$ and $100+$             | <span class="math inline">\\(&lt;\\)</span> and <span class="math inline">\\(100+\\)</span>
          ${len-10}-${len-1}         | ${len-10}-${len-1}
          $r = "unhex('$h')"         | $r = &quot;unhex('$h')&quot;
          with \\\\(p(x;\\theta)\\\\) here  | with <span class="math inline">\\(p(x;\\theta)\\)</span> here
          \\\\[\\sum x\\\\]              | <span class="math display">\\[\\sum x\\]</span>
          a \\\\ b and \\\\(           | a \\ b and \\(
          $n$th and $$x$$y           | <span class="math inline">\\(n\\)</span>th and $$x$$y
          $f(x) = y $，则            | <span class="math inline">\\(f(x) = y \\)</span>，则
          $\\sum_{i<j} a_i $ and    | <span class="math inline">\\(\\sum_{i&lt;j} a_i \\)</span> and
          $x = 5 and $y = 6          | $x = 5 and $y = 6
          $price is $ 10             | $price is $ 10
          """)
  void dollarsOpenFormulasOnlyWherePandocWould(String markdown, String html) {
    assertThat(MARKDOWN.toHtml(markdown.strip())).isEqualTo("<p>" + html.strip() + "</p>\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 | $x$        | 2
          0 | $5 and $10 | -1
          0 | $x$5       | -1
          0 | $x\\$y$    | 5
          0 | $$x$$      | 3
          0 | $$ $$      | -1
          0 | $$x        | -1
          """)
  void closing(int start, String text, int expected) {
    assertThat(MathSyntax.closing(text, start)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aDisplayedFormulaMaySpanLines() {
    assertThat(MARKDOWN.toHtml("$$\n\\sum_{i=1}^n i\n$$\n"))
        .isEqualTo("<p><span class=\"math display\">\\[\n\\sum_{i=1}^n i\n\\]</span></p>\n");
  }
}
