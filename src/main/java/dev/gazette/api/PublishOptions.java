package dev.gazette.api;

/**
 * How {@link Gazette#publish} presents a folder of digests.
 *
 * @param title the catalog's title, or null for the folder's name
 * @param author the catalog's author, or null for the digests' most common author
 */
public record PublishOptions(String title, String author) {
  /** Title from the folder, author from the digests. */
  public static PublishOptions defaults() {
    return new PublishOptions(null, null);
  }

  public PublishOptions withTitle(String title) {
    return new PublishOptions(title, author);
  }

  public PublishOptions withAuthor(String author) {
    return new PublishOptions(title, author);
  }
}
