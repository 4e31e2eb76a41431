package dev.gazette.source;

import java.util.Locale;
import java.util.Set;

/**
 * Which Markdown files of a folder are content. Licence and change-log files never are; a root
 * {@code README.md} is the preface only when asked for; {@code _index.md} is always a section file,
 * {@code index.md} only when other posts share its folder (alone it is a Hugo page bundle's post).
 */
public final class ContentFiles {
  private static final Set<String> NEVER = Set.of("license", "licence", "changelog");
  private static final Set<String> INDEX = Set.of("index", "_index");

  private ContentFiles() {}

  /** Licence and change-log files, at any depth: never read. */
  public static boolean isNeverContent(String fileName) {
    return NEVER.contains(stem(fileName));
  }

  /**
   * {@code index.md} or {@code _index.md}: names a folder's section rather than being an article.
   */
  public static boolean isIndexName(String fileName) {
    return INDEX.contains(stem(fileName));
  }

  public static boolean isReadme(String fileName) {
    return stem(fileName).equals("readme");
  }

  /** The folder part of a relative path with {@code /}, "" at the root. */
  public static String folderOf(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? "" : relativePath.substring(0, slash);
  }

  /** A relative path without its file's extension: {@code blog.md} is {@code blog}. */
  public static String withoutExtension(String relativePath) {
    int dot = relativePath.lastIndexOf('.');
    return dot > relativePath.lastIndexOf('/') + 1 ? relativePath.substring(0, dot) : relativePath;
  }

  private static String stem(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot > 0 ? lower.substring(0, dot) : lower;
  }
}
