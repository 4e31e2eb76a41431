package dev.gazette.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Rewrites the open tags in Markdown that a browser reads as tags but CommonMark does not (an
 * unquoted value holding a quote or a parenthesis: {@code <img src=x alt=it's>}) into tags with
 * quoted values, so raw HTML in a Markdown body is HTML, as the site generators' lenient parsers
 * and browsers make it, instead of text showing its markup. Code (fences, indented blocks, inline
 * code) is left alone. Stateless.
 */
public final class RawHtmlTags {
  private static final Pattern CANDIDATE = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)(\\s[^<>]*)?>");
  private static final String ATTRIBUTE =
      "\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?";

  /** An open tag as CommonMark reads it. */
  private static final Pattern COMMONMARK_OPEN_TAG =
      Pattern.compile("<[A-Za-z][A-Za-z0-9-]*(?:" + ATTRIBUTE + ")*\\s*/?>");

  private RawHtmlTags() {}

  public static String repair(String markdown) {
    if (markdown.indexOf('<') < 0) {
      return markdown;
    }
    StringBuilder out = new StringBuilder(markdown.length() + 16);
    CodeFences code = new CodeFences();
    for (String line : markdown.split("(?<=\n)", -1)) {
      if (code.isCode(line)
          || line.startsWith("    ")
          || line.startsWith("\t")
          || line.indexOf('<') < 0) {
        out.append(line);
      } else {
        out.append(repairLine(line));
      }
    }
    return out.toString();
  }

  /** The line with its tags repaired, outside inline code ({@code `…`}). */
  private static String repairLine(String line) {
    String[] parts = line.split("`", -1);
    if (parts.length % 2 == 0) {
      return line; // an unclosed code span: leave the line as written
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('`');
      }
      sb.append(i % 2 == 0 ? repairText(parts[i]) : parts[i]);
    }
    return sb.toString();
  }

  private static String repairText(String text) {
    Matcher m = CANDIDATE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String tag = m.group();
      // \<some other API\> is text written with its brackets (overreacted.io): no tag to repair
      boolean escaped = backslashesBefore(text, m.start()) % 2 == 1;
      String replacement =
          escaped || COMMONMARK_OPEN_TAG.matcher(tag).matches() ? tag : quoted(tag);
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static int backslashesBefore(String text, int at) {
    int n = 0;
    while (at - n - 1 >= 0 && text.charAt(at - n - 1) == '\\') {
      n++;
    }
    return n;
  }

  /** The open tag as a browser reads it, written with every value quoted. */
  private static String quoted(String tag) {
    Element body = Jsoup.parseBodyFragment(tag).body();
    Element el = body.children().isEmpty() ? null : body.child(0);
    if (el == null) {
      return tag;
    }
    StringBuilder sb = new StringBuilder("<").append(el.tagName());
    for (Attribute a : el.attributes()) {
      if (!a.getKey().matches("[a-zA-Z_:][a-zA-Z0-9_.:-]*")) {
        continue;
      }
      sb.append(' ')
          .append(a.getKey())
          .append("=\"")
          .append(a.getValue().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
          .append('"');
    }
    return sb.append(tag.endsWith("/>") ? " />" : ">").toString();
  }
}
