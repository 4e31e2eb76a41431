package dev.gazette.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files of a jar that are older than Java 6 (class file version below 50) as
 * Java 8 class files (version 52) with stack map frames. Run at package time on the runnable jar
 * ({@code pom.xml}, maven-antrun-plugin): picocli ships Java 5 class files, and JDK 17's class-data
 * sharing archive refuses those ("Pre JDK 6 class not supported by CDS"), so every run read, parsed
 * and verified ~180 picocli classes from the jar (and the lambdas linked against them) instead of
 * mapping them from the archive ({@code bench/cold-start.md}). Only the version and the frames
 * change: same constant values, same code.
 *
 * <p>Needs only ASM on the class path, so Maven runs it straight from source: {@code java -cp
 * asm.jar src/test/java/dev/gazette/build/UpgradeClassFiles.java target/gazette.jar}. Entries keep
 * their order and time stamps, so the same jar in gives the same jar out.
 */
public final class UpgradeClassFiles {
  /** The lowest class file version JDK 17's CDS archive takes (Java 6). */
  public static final int OLDEST_ARCHIVABLE = Opcodes.V1_6;

  /** What old class files become: Java 8, the first version whose verifier needs frames only. */
  public static final int TARGET = Opcodes.V1_8;

  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: UpgradeClassFiles JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int n = upgrade(jar);
    System.out.println(
        "UpgradeClassFiles: " + n + " class files of " + jar + " now version " + TARGET);
  }

  /**
   * Rewrites, in place, every class file of {@code jar} whose version is below {@link
   * #OLDEST_ARCHIVABLE}; returns how many.
   */
  public static int upgrade(Path jar) throws IOException {
    Set<String> jdkPackages = jdkPackages();
    List<String> old = new ArrayList<>();
    try (FileSystem zip = FileSystems.newFileSystem(jar);
        Stream<Path> all = Files.walk(zip.getPath("/"))) {
      all.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
          .filter(p -> !jdkPackages.contains(packageOf(p.toString())))
          .forEach(
              p -> {
                try {
                  if (version(Files.readAllBytes(p)) < OLDEST_ARCHIVABLE) old.add(p.toString());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    if (old.isEmpty()) return 0;
    // Written to a copy and moved over the jar at the end: a failure leaves the jar as it was.
    Path copy = jar.resolveSibling(jar.getFileName() + ".upgrading");
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    try {
      // Frames need the common super class of two types: load them (not initialise) from the jar.
      try (URLClassLoader types =
              new URLClassLoader(
                  new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
          FileSystem zip = FileSystems.newFileSystem(copy)) {
        for (String name : old) {
          Path p = zip.getPath(name);
          FileTime time = Files.getLastModifiedTime(p);
          Files.write(p, upgrade(Files.readAllBytes(p), types));
          Files.setLastModifiedTime(p, time);
        }
      }
      Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(copy);
    }
    return old.size();
  }

  /**
   * The packages of the JDK's own modules. A class of such a package is never loaded from the jar
   * (the module that owns the package wins): the old XML API copies some libraries bring ({@code
   * org.xml.sax}, {@code javax.xml.parsers}) are left as they are; one of them still uses the
   * subroutines (JSR/RET) that frames cannot describe.
   */
  public static Set<String> jdkPackages() {
    return ModuleFinder.ofSystem().findAll().stream()
        .flatMap(m -> m.descriptor().packages().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The package name of a jar entry's class file ("a/b/C.class" → "a.b"). */
  public static String packageOf(String entry) {
    String name = entry.startsWith("/") ? entry.substring(1) : entry;
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
  }

  /** One class file as version {@link #TARGET} with frames computed. */
  public static byte[] upgrade(byte[] classFile, ClassLoader types) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return types;
          }
        };
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(TARGET, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /** The major version of a class file. */
  public static int version(byte[] classFile) {
    return ByteBuffer.wrap(classFile, 6, 2).getShort() & 0xFFFF;
  }

  /** The major version of the class file read from {@code in}. */
  public static int version(InputStream in) throws IOException {
    byte[] head = in.readNBytes(8);
    if (head.length < 8) throw new IOException("not a class file");
    return version(head);
  }
}
