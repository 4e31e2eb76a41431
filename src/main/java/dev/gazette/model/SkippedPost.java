package dev.gazette.model;

import java.nio.file.Path;

/** A file that was found but left out of the digest, and why. */
public record SkippedPost(Path file, String reason) {
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
