package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlWriterTest {
  @Test
  void escapesEveryTextAndAttributeInOnePlace() {
    String xml =
        new XmlWriter()
            .declaration()
            .open("a", "title", "x\"<&>y")
            .nl()
            .line("b", "1 < 2 & \u0001", "id", 7)
            .empty("c", "src", "p&q")
            .nl()
            .close("a")
            .nl()
            .toString();
    assertThat(xml)
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <a title="x&quot;&lt;&amp;&gt;y">
            <b id="7">1 &lt; 2 &amp; </b>
            <c src="p&amp;q"/>
            </a>
            """);
  }

  @Test
  void attributesComeInPairs() {
    assertThatThrownBy(() -> new XmlWriter().open("a", "lonely"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
