package dev.gazette.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes
 * to a temporary file ({@code .<name>.<random>.part}) in the same folder, is forced to disk, and is
 * then moved over the target.
 *
 * <p>The writer holds a lock on its temporary file until it is moved. A run that was killed leaves
 * its temporary behind, unlocked (the operating system drops a dead process's locks): the next
 * write of the same target deletes such leftovers, while the temporaries of runs still writing
 * (locked) are left alone, so two runs can write the same target at once.
 */
public final class AtomicFiles {
  /** Writes content to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Tries at a temporary another writer's clean-up can take before it is opened and locked. */
  private static final int ATTEMPTS = 10;

  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeStaleTemporaries(target);
    for (int attempt = 1; ; attempt++) {
      Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      FileChannel opened;
      try {
        opened = FileChannel.open(temp, StandardOpenOption.WRITE);
      } catch (NoSuchFileException e) {
        // Another run's clean-up took it between its creation and our open: it was unlocked then.
        if (attempt < ATTEMPTS) {
          continue;
        }
        throw new IOException("temporary file " + temp + " keeps disappearing", e);
      }
      boolean done = false;
      try (FileChannel channel = opened;
          FileLock lock = lockOrNull(channel)) {
        if (lock == null || !Files.exists(temp)) {
          // Another run's clean-up took it between its creation and our lock: it was unlocked then.
          if (attempt < ATTEMPTS) {
            continue;
          }
          throw new IOException("temporary file " + temp + " keeps disappearing");
        }
        try {
          // createTempFile makes owner-only files; an output is an ordinary document.
          Files.setPosixFilePermissions(
              temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the default is fine
        }
        OutputStream out =
            new java.io.BufferedOutputStream(
                java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        return;
      } finally {
        if (!done) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  /**
   * Null when another thread of this process holds the lock: its clean-up is looking at our file.
   */
  private static FileLock lockOrNull(FileChannel channel) throws IOException {
    try {
      return channel.lock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /**
   * Deletes the temporaries a killed run left for {@code target}: those no live writer holds a lock
   * on. Returns how many were deleted.
   */
  public static int removeStaleTemporaries(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String prefix = "." + target.getFileName() + ".";
    int removed = 0;
    try (DirectoryStream<Path> parts =
        Files.newDirectoryStream(
            dir,
            p ->
                p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".part"))) {
      for (Path part : parts) {
        if (deleteIfUnlocked(part)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /**
   * Deletes a temporary while holding its lock, so a writer that created it but has not locked it
   * yet finds it gone once it has the lock (and starts over) instead of writing into a deleted
   * file.
   */
  private static boolean deleteIfUnlocked(Path part) {
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // written by another thread of this process
      }
      if (lock == null) {
        return false; // written by another process
      }
      try {
        Files.deleteIfExists(part);
        return true;
      } finally {
        lock.release();
      }
    } catch (NoSuchFileException e) {
      return false; // moved into place meanwhile
    } catch (IOException e) {
      return false; // not ours to open (another user's run): leave it
    }
  }
}
