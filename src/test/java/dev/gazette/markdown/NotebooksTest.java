package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Jupyter notebooks as the Markdown a post shows them with (Pelican's notebook tag). */
class NotebooksTest {
  /** Format 4: cells at the top, outputs' forms under data, lines as lists or one string. */
  private static final String V4 =
      """
      {"nbformat": 4, "metadata": {"language_info": {"name": "python"}},
       "cells": [
        {"cell_type": "markdown", "source": ["# Setup\\n", "We plot $x^2$."]},
        {"cell_type": "code", "source": "import numpy as np\\nprint('hi')", "outputs": [
          {"output_type": "stream", "name": "stdout", "text": ["hi\\n"]}]},
        {"cell_type": "code", "source": ["df.head()"], "outputs": [
          {"output_type": "execute_result", "data": {
            "text/html": ["<table><tr><td>1</td></tr></table>"], "text/plain": ["   a\\n0  1"]}}]},
        {"cell_type": "code", "source": ["plot()"], "outputs": [
          {"output_type": "display_data", "data": {"image/png": "iVBORw0K\\nGgo=\\n", "text/plain": ["<Figure>"]}}]},
        {"cell_type": "code", "source": ["1/0"], "outputs": [
          {"output_type": "error", "traceback": ["\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"]}]},
        {"cell_type": "raw", "source": ["not shown"]},
        {"cell_type": "code", "source": ["s = '```'"], "outputs": []}
       ]}
      """;

  @Test
  void format4CellsAndOutputsAreShownAsTheNotebookShowsThem() {
    String md = Notebooks.markdown(V4, "");
    assertThat(md)
        .contains("# Setup\nWe plot $x^2$.\n\n")
        .contains("```python\nimport numpy as np\nprint('hi')\n```\n\n```\nhi\n```\n")
        .contains("<div class=\"notebook-output\">\n<table><tr><td>1</td></tr></table>\n</div>")
        .doesNotContain("   a\n0  1") // the HTML form wins over the text
        .contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"notebook output\"/>")
        .doesNotContain("<Figure>")
        .contains("```\nZeroDivisionError: division by zero\n```")
        .doesNotContain("not shown")
        .contains("````python\ns = '```'\n````");
  }

  @Test
  void cellsAreSlicedAsPythonSlicesThem() {
    assertThat(Notebooks.markdown(V4, "cells[1:]"))
        .doesNotContain("# Setup")
        .contains("print('hi')");
    assertThat(Notebooks.markdown(V4, "cells[:1]")).contains("# Setup").doesNotContain("print");
    assertThat(Notebooks.markdown(V4, "cells[-1:]")).contains("s = '```'").doesNotContain("plot()");
    assertThat(Notebooks.markdown(V4, "cells[5:2]")).isBlank();
  }

  /**
   * Format 3 (2012-2014): worksheets, heading cells, input, the language per cell, png on the
   * output.
   */
  @Test
  void format3WorksheetsHeadingsAndInputsAreRead() {
    String v3 =
        """
        {"nbformat": 3, "worksheets": [{"cells": [
          {"cell_type": "heading", "level": 2, "source": ["Results"]},
          {"cell_type": "code", "language": "python", "input": ["x = 1\\n", "x"], "outputs": [
            {"output_type": "pyout", "text": ["1"]},
            {"output_type": "display_data", "png": "iVBORw0KGgo="}]}
        ]}]}
        """;
    assertThat(Notebooks.markdown(v3, ""))
        .contains("## Results\n\n")
        .contains("```python\nx = 1\nx\n```\n\n```\n1\n```\n")
        .contains("data:image/png;base64,iVBORw0KGgo=");
  }

  @Test
  void whatIsNoNotebookIsSaidSo() {
    assertThatThrownBy(() -> Notebooks.markdown("{not json", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a notebook");
    assertThatThrownBy(() -> Notebooks.markdown("{\"a\": 1}", "")).hasMessageContaining("no cells");
  }
}
