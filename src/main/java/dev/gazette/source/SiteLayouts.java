package dev.gazette.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which front-matter keys the layouts of a Jekyll or Eleventy site (Liquid or Nunjucks templates in
 * {@code _layouts/} and {@code _includes/}, at the site's top or in {@code src/}) never show on a
 * page: a key they only test, or only turn into a social card's {@code <meta>}. ESLint's blog names
 * a picture with {@code image:} in 422 posts; its base layout makes only its {@code og:image} of
 * it, through two {@code {% set %}} steps, and each post said "header image not found".
 *
 * <p>A key counts as shown when a line outside a social card's markup outputs it or a variable set
 * from it ({@code {{ page.image }}}, {@code src="{{ cover }}"}), or passes it on ({@code {% include
 * figure.html src=page.image %}}, a macro's arguments): what the site does with it then is not
 * followed, so it may be shown. With no page layout in the repository (one that writes {@code {{
 * content }}}: the theme is a gem's, and only partials are overridden), every key may be shown.
 */
final class SiteLayouts {
  private SiteLayouts() {}

  /** Template folders, from the site's folder: Jekyll's, and Eleventy's in its usual input. */
  private static final List<String> FOLDERS =
      List.of("_layouts", "_includes", "src/_layouts", "src/_includes");

  /** What marks a line as a social card's or a feed's, not the page's. */
  private static final Pattern SOCIAL =
      Pattern.compile("(?i)og:|twitter:|<meta|schema\\.org|application/ld\\+json|<link\\b");

  /** A tag that only tests or assigns: {@code {% if x %}}, {@code {%- set y = x | join -%}}. */
  private static final Pattern CONTROL =
      Pattern.compile(
          "\\{%-?\\s*(?:if|elif|elsif|unless|else|endif|endunless)\\b[^%]*-?%\\}", Pattern.DOTALL);

  /** Text ending where a tag's name starts: {@code {%-  }. */
  private static final Pattern TAG_NAME = Pattern.compile("\\{%-?\\s*$");

  /** Comments of HTML, Nunjucks and Liquid, which show nothing. */
  private static final Pattern COMMENT =
      Pattern.compile(
          "<!--.*?-->|\\{#.*?#\\}|\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}",
          Pattern.DOTALL);

  private static final Pattern ASSIGN =
      Pattern.compile("\\{%-?\\s*(?:set|assign)\\s+(\\w+)\\s*=([^%]*)-?%\\}", Pattern.DOTALL);

  /**
   * The {@code keys} the site's layouts never show; empty when the site has no layouts to read
   * (then any key may be shown).
   */
  static Set<String> unshownKeys(Path siteRoot, List<String> keys) {
    List<List<String>> templates = templates(siteRoot);
    Set<String> unshown = new LinkedHashSet<>();
    if (templates.isEmpty()) {
      return unshown;
    }
    for (String key : keys) {
      if (!shown(templates, key)) {
        unshown.add(key);
      }
    }
    return unshown;
  }

  private static boolean shown(List<List<String>> templates, String key) {
    Set<String> names = new HashSet<>();
    names.add(key);
    // variables set from the key, and from those, until no more are found
    for (boolean more = true; more; ) {
      more = false;
      for (List<String> lines : templates) {
        for (String line : lines) {
          Matcher m = ASSIGN.matcher(line);
          while (m.find()) {
            if (!names.contains(m.group(1)) && mentions(m.group(2), names)) {
              names.add(m.group(1));
              more = true;
            }
          }
        }
      }
    }
    for (List<String> lines : templates) {
      for (String line : lines) {
        if (SOCIAL.matcher(line).find()) {
          continue;
        }
        String output = ASSIGN.matcher(CONTROL.matcher(line).replaceAll(" ")).replaceAll(" ");
        if (mentions(output, names)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code text} names one of {@code names} as a page's value: alone ({@code image}, as
   * Eleventy's templates read front matter) or as the page's or post's ({@code page.image}), not as
   * another object's ({@code author.image}, {@code item.data.image}).
   */
  private static boolean mentions(String text, Set<String> names) {
    for (String name : names) {
      int from = 0;
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, from)) {
        from = i + 1;
        int end = i + name.length();
        if (end < text.length() && isWordChar(text.charAt(end))) {
          continue;
        }
        if (i > 0 && isWordChar(text.charAt(i - 1))) {
          continue;
        }
        if (i > 0 && text.charAt(i - 1) == '.') {
          String before = text.substring(0, i - 1).toLowerCase(Locale.ROOT);
          if (before.endsWith("page") || before.endsWith("post") || before.endsWith("include")) {
            return true;
          }
          continue;
        }
        if (i > 0 && (text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'')) {
          continue; // a string: "image/png"
        }
        if (TAG_NAME.matcher(text.substring(0, i)).find()) {
          continue; // a tag of its own: Eleventy's {% image src, alt %}
        }
        if (text.substring(end).matches("\\s*:(?!:)[\\s\\S]*")) {
          continue; // a key of a mapping handed on: { image: item.data.image }
        }
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
  }

  /** The lines of each template, in a stable order; empty when the site has none. */
  private static List<List<String>> templates(Path siteRoot) {
    List<Path> files = new ArrayList<>();
    for (String folder : FOLDERS) {
      TemplateFiles.collect(
          siteRoot.resolve(folder),
          name ->
              name.endsWith(".html")
                  || name.endsWith(".njk")
                  || name.endsWith(".liquid")
                  || name.endsWith(".webc"),
          files);
    }
    files.sort(null);
    List<List<String>> templates = new ArrayList<>();
    for (Path file : files) {
      try {
        if (Files.size(file) <= SiteConfig.MAX_BYTES) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          // a comment's lines are kept, empty, so a tag's lines stay where they were
          Matcher m = COMMENT.matcher(text);
          StringBuilder out = new StringBuilder();
          while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", "")));
          }
          m.appendTail(out);
          templates.add(out.toString().lines().toList());
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable template shows nothing
      }
    }
    // Partials alone (a gem theme's head.html overridden) say nothing of what the page shows.
    boolean pageLayout =
        templates.stream().flatMap(List::stream).anyMatch(l -> PAGE_CONTENT.matcher(l).find());
    return pageLayout ? templates : List.of();
  }

  /**
   * What a page layout writes the page's text with: {@code {{ content }}}, {@code {{ content | safe
   * }}}.
   */
  private static final Pattern PAGE_CONTENT = Pattern.compile("\\{\\{-?\\s*content\\b");
}
