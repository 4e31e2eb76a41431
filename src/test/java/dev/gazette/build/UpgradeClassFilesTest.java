package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The package-time rewrite of old class files, on picocli's own jar from the class path. */
class UpgradeClassFilesTest {
  @TempDir Path dir;

  @Test
  void picocliBecomesJava8ClassFilesThatVerifyAndRun() throws Exception {
    Path original =
        Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(versionOf(original, "picocli/CommandLine.class")).isLessThan(50);
    Path jar = Files.copy(original, dir.resolve("picocli.jar"));
    List<String> before = entries(jar);
    Map<String, Long> times = times(jar);

    int upgraded = UpgradeClassFiles.upgrade(jar);

    assertThat(upgraded).isGreaterThan(150);
    // Same entries (the JDK's zip file system writes the manifest first, as jars have it).
    assertThat(entries(jar)).containsExactlyInAnyOrderElementsOf(before);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.getName().endsWith(".class")) continue;
        try (var in = zip.getInputStream(e)) {
          assertThat(UpgradeClassFiles.version(in)).as(e.getName()).isGreaterThanOrEqualTo(52);
        }
      }
    }
    assertThat(times(jar)).isEqualTo(times);
    // A second run finds nothing to do and leaves the jar as it is.
    byte[] once = Files.readAllBytes(jar);
    assertThat(UpgradeClassFiles.upgrade(jar)).isZero();
    assertThat(Files.readAllBytes(jar)).isEqualTo(once);

    // Every class is loaded, verified (the split verifier reads the new frames) and initialised in
    // a
    // loader of its own, then picocli parses a command line with them.
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : before) {
        if (name.startsWith("picocli/") && name.endsWith(".class")) {
          Class.forName(name.replace('/', '.').replace(".class", ""), true, loader);
        }
      }
      Class<?> commandLine = loader.loadClass("picocli.CommandLine");
      Class<?> spec = loader.loadClass("picocli.CommandLine$Model$CommandSpec");
      Class<?> option = loader.loadClass("picocli.CommandLine$Model$OptionSpec");
      Object s = spec.getMethod("create").invoke(null);
      Object builder =
          option
              .getMethod("builder", String[].class)
              .invoke(null, (Object) new String[] {"--zone"});
      var arity = builder.getClass().getMethod("arity", String.class);
      arity.setAccessible(true); // declared by a package-private super class
      arity.invoke(builder, "1");
      Object zone = builder.getClass().getMethod("build").invoke(builder);
      spec.getMethod("addOption", option).invoke(s, zone);
      Object cli = commandLine.getConstructor(Object.class).newInstance(s);
      Object parsed =
          commandLine
              .getMethod("parseArgs", String[].class)
              .invoke(cli, (Object) new String[] {"--zone", "UTC"});
      Object value =
          parsed
              .getClass()
              .getMethod("matchedOptionValue", String.class, Object.class)
              .invoke(parsed, "zone", null);
      assertThat(value).isEqualTo("UTC");
      assertThat(commandLine.getClassLoader()).isSameAs(loader);
      assertThat(Array.getLength(commandLine.getDeclaredClasses())).isGreaterThan(10);
    }
  }

  @Test
  void classesOfPackagesTheJdkOwnsAreLeftAlone() {
    assertThat(UpgradeClassFiles.jdkPackages())
        .contains("org.xml.sax.helpers", "javax.xml.parsers")
        .doesNotContain("picocli");
    assertThat(UpgradeClassFiles.packageOf("/org/xml/sax/helpers/ParserAdapter.class"))
        .isEqualTo("org.xml.sax.helpers");
    assertThat(UpgradeClassFiles.packageOf("Top.class")).isEmpty();
  }

  private static List<String> entries(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  private static int versionOf(Path jar, String entry) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
        var in = zip.getInputStream(zip.getEntry(entry))) {
      return UpgradeClassFiles.version(in);
    }
  }

  private static Map<String, Long> times(Path jar) throws IOException {
    Map<String, Long> times = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> times.put(e.getName(), e.getTime()));
    }
    return times;
  }
}
