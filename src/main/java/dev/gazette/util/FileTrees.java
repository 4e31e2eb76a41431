package dev.gazette.util;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/** Walks a site's folders for the files Gazette reads beside its posts (templates, components). */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Adds to {@code files}, in the walk's order, the regular files under {@code root} (at most
   * {@code depth} levels down) that {@code keep} accepts. Folders below the root that {@code skip}
   * accepts are not entered; symbolic links are not followed; a file or folder that cannot be read
   * is passed over.
   *
   * @throws IOException as {@link Files#walkFileTree} does
   */
  public static void regularFiles(
      Path root, int depth, Predicate<Path> skip, Predicate<Path> keep, List<Path> files)
      throws IOException {
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        depth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return !dir.equals(root) && skip.test(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && keep.test(file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
