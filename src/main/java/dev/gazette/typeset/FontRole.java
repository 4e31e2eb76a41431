package dev.gazette.typeset;

/**
 * The faces a stylesheet can ask for. Stylesheets name the CSS families ({@link #cssFamily()}); a
 * {@link Theme} decides which font file plays each role.
 */
public enum FontRole {
  /** Running text. */
  BODY("Gazette Body", 400),
  /** Bold running text ({@code strong}, table headers). */
  BODY_BOLD("Gazette Body", 700),
  /** Headings and titles. */
  HEADING("Gazette Heading", 700),
  /** Emphasis in CJK text, captions, metadata lines. */
  ACCENT("Gazette Accent", 400),
  /** Code ({@code pre}, {@code code}); characters it lacks (CJK) fall back to {@link #ACCENT}. */
  MONO("Gazette Mono", 400),
  /** Bold code (highlighted keywords). */
  MONO_BOLD("Gazette Mono", 700);

  private final String cssFamily;
  private final int weight;

  FontRole(String cssFamily, int weight) {
    this.cssFamily = cssFamily;
    this.weight = weight;
  }

  public String cssFamily() {
    return cssFamily;
  }

  public int weight() {
    return weight;
  }
}
