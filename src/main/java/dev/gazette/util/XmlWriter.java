package dev.gazette.util;

/**
 * Writes XML the way Gazette's EPUB files are laid out: no indentation, line breaks only where
 * {@link #nl()} puts them, {@code <empty/>} without a space. Every text and attribute value goes
 * through {@link Xml#escape}, so no caller escapes by hand. Attributes are given as name, value
 * pairs.
 */
public final class XmlWriter {
  private final StringBuilder sb = new StringBuilder();

  /** {@code <?xml version="1.0" encoding="UTF-8"?>} and a line break. */
  public XmlWriter declaration() {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return this;
  }

  /** A start tag. */
  public XmlWriter open(String name, Object... attributes) {
    sb.append('<').append(name);
    attributes(attributes);
    sb.append('>');
    return this;
  }

  /** An end tag. */
  public XmlWriter close(String name) {
    sb.append("</").append(name).append('>');
    return this;
  }

  /** An element without content: {@code <name a="v"/>}. */
  public XmlWriter empty(String name, Object... attributes) {
    sb.append('<').append(name);
    attributes(attributes);
    sb.append("/>");
    return this;
  }

  /** Escaped text. */
  public XmlWriter text(Object text) {
    sb.append(Xml.escape(String.valueOf(text)));
    return this;
  }

  /** An element holding only text, then a line break: {@code <name>text</name>}. */
  public XmlWriter line(String name, Object text, Object... attributes) {
    return open(name, attributes).text(text).close(name).nl();
  }

  /** A line break. */
  public XmlWriter nl() {
    sb.append('\n');
    return this;
  }

  private void attributes(Object[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      sb.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(Xml.escape(String.valueOf(attributes[i + 1])))
          .append('"');
    }
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
