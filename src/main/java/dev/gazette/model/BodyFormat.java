package dev.gazette.model;

/** How a post's body is written. */
public enum BodyFormat {
  /** CommonMark with GFM extensions, raw HTML allowed inside. */
  MARKDOWN,
  /** A body that is an HTML fragment from its first line (what news bots write). */
  HTML
}
