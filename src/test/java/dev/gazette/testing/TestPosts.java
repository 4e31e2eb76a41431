package dev.gazette.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes post files and fixtures into a test's temporary folder. */
public final class TestPosts {
  private TestPosts() {}

  public static Path write(Path dir, String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Hexo-style news post with an HTML body. */
  public static String hexo(String title, String date, String... paragraphs) {
    StringBuilder sb =
        new StringBuilder(
            "---\ntitle: '"
                + title
                + "'\ncategories:\n - 新闻\nauthor: 测试\ndate: "
                + date
                + "\n---\n\n<div>\n");
    for (String p : paragraphs) {
      sb.append("<p style=\"text-align:left;\">\n").append(p).append("\n</p>\n");
    }
    return sb.append("</div>\n").toString();
  }

  /** The repository's samples folder (tests run from the project root). */
  public static Path samples() {
    return Path.of("samples").toAbsolutePath();
  }

  /** A test resource as text. */
  public static String resource(String path) {
    try (InputStream in = TestPosts.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder tree. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
