package dev.gazette.model;

/** How a post's body is written. */
public enum BodyFormat {
  /** CommonMark with GFM extensions, raw HTML allowed inside. */
  MARKDOWN,
  /** A body made only of HTML blocks (what news bots write), judged on the whole body. */
  HTML
}
