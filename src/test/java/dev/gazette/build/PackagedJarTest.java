package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as {@code mvn package} left it; runs in {@code verify} (pom.xml: the surefire
 * execution "packaged-jar"), after the jar exists.
 */
class PackagedJarTest {
  @Test
  void everyClassTheJarCanLoadIsArchivableByCds() throws Exception {
    Path jar = Path.of("target/gazette.jar");
    assertThat(jar).exists();
    Set<String> jdk = UpgradeClassFiles.jdkPackages();
    List<String> old = new ArrayList<>();
    int picocli = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.getName().endsWith(".class")
            || jdk.contains(UpgradeClassFiles.packageOf(e.getName()))) continue;
        int version;
        try (var in = zip.getInputStream(e)) {
          version = UpgradeClassFiles.version(in);
        }
        if (version < UpgradeClassFiles.OLDEST_ARCHIVABLE)
          old.add(e.getName() + " (" + version + ")");
        if (e.getName().startsWith("picocli/")) picocli++;
      }
    }
    assertThat(picocli).isGreaterThan(150);
    assertThat(old).isEmpty();
    // The checksum beside the jar is of the rewritten jar.
    String sum = Files.readString(Path.of("target/gazette.jar.sha256")).split(" ")[0];
    assertThat(sum).isEqualTo(sha256(jar));
  }

  @Test
  void ourClassesConcatenateStringsWithoutInvokeDynamic() throws Exception {
    // javac -XDstringConcat=inline (pom.xml): each string concatenation shape compiled to
    // invokedynamic made the JVM spin method handle classes at its first use, ~50 of them in a
    // one-post build (bench/cold-start.md, 3 December); StringBuilder code needs none.
    List<String> indy = new ArrayList<>();
    int ours = 0;
    try (ZipFile zip = new ZipFile(Path.of("target/gazette.jar").toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.getName().startsWith("dev/gazette/") || !e.getName().endsWith(".class")) continue;
        ours++;
        try (var in = zip.getInputStream(e)) {
          String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          if (constants.contains("makeConcatWithConstants")) indy.add(e.getName());
        }
      }
    }
    assertThat(ours).isGreaterThan(300);
    assertThat(indy).isEmpty();
  }

  private static String sha256(Path file) throws Exception {
    var digest = java.security.MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }
}
