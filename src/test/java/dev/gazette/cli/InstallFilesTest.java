package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-line installs point at what the build makes: the JBang alias names the jar the shade
 * plugin writes and a main class that exists; the build writes the jar's checksum beside it.
 */
class InstallFilesTest {
  static String pom() throws Exception {
    return Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
  }

  @Test
  void jbangCatalogNamesTheReleasedJarAndTheMainClass() throws Exception {
    JsonNode alias =
        new ObjectMapper().readTree(Path.of("jbang-catalog.json").toFile()).get("aliases");
    assertThat(alias).isNotNull();
    JsonNode gazette = alias.get("gazette");
    assertThat(gazette).as("alias 'gazette'").isNotNull();

    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom());
    assertThat(finalName.find()).isTrue();
    assertThat(gazette.get("script-ref").asText())
        .startsWith("https://github.com/")
        .endsWith("/releases/latest/download/" + finalName.group(1) + ".jar");

    String main = gazette.get("main").asText();
    assertThat(Class.forName(main)).isEqualTo(Main.class);
    assertThat(pom()).contains("<mainClass>" + main + "</mainClass>");

    Matcher release = Pattern.compile("<release>(\\d+)</release>").matcher(pom());
    assertThat(release.find()).isTrue();
    assertThat(gazette.get("java").asText()).isEqualTo(release.group(1) + "+");
  }

  @Test
  void packageWritesTheJarsChecksumInSha256sumFormat() throws Exception {
    // The file itself appears after the package phase, which runs after the tests.
    assertThat(pom())
        .containsPattern(
            "<checksum file=\"\\$\\{project.build.directory}/gazette.jar\" algorithm=\"SHA-256\""
                + " fileext=\".sha256\"\\s+pattern=\"\\{0}  \\{1}\"");
    String install = Files.readString(Path.of("docs/install.md"), StandardCharsets.UTF_8);
    assertThat(install).contains("sha256sum -c gazette.jar.sha256").contains("jbang-catalog.json");
  }
}
