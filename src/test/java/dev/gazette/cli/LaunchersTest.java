package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** bin/gazette (Linux, macOS) and bin/gazette.cmd (Windows) run the jar with the same flags. */
class LaunchersTest {
  @TempDir Path dir;

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void bothLaunchersPassTheSameFlags() throws Exception {
    // A jar path without an archive beside it, so no CDS flag is added.
    String bash = printFlags(Map.of("GAZETTE_JAR", dir.resolve("g.jar").toString()));
    String cmd = Files.readString(Path.of("bin/gazette.cmd"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("set \"FLAGS=([^\"]*)\"").matcher(cmd);
    assertThat(m.find()).isTrue();
    String cmdFlags = m.group(1).replace("%GAZETTE_HEAP%", "2g");
    // Then both add the folder of unpacked bundled fonts beside the jar.
    String fonts = " -Dgazette.fontCache=" + dir.resolve("g-fonts");
    assertThat(cmd)
        .contains("set \"FLAGS=%FLAGS% -Dgazette.fontCache=\"%GAZETTE_JAR:~0,-4%-fonts\"\"");

    // Flags for the host come between: huge pages (Linux) and one compiler thread (1-2 cores).
    String shared =
        bash.replace(" " + HUGE_PAGES, "").replace(" " + ONE_COMPILER_THREAD, "").trim();
    assertThat(shared).isEqualTo(cmdFlags + fonts);
    assertThat(bash.contains(HUGE_PAGES)).isEqualTo(hugePagesOnRequest());
    assertThat(cmd)
        .contains("set \"CI1=" + ONE_COMPILER_THREAD + "\"")
        .contains("if %NUMBER_OF_PROCESSORS% GTR 2 set \"CI1=\"");
    assertThat(bash).contains("-Xmx2g").contains("-XX:+UseParallelGC").contains("-Xmn200m");
    assertThat(printFlags(Map.of("GAZETTE_HEAP", "3g", "GAZETTE_JAVA_OPTS", "-Dx=1")))
        .contains("-Xmx3g")
        .endsWith("-Dx=1\n");
    // cmd needs CRLF line ends for its labels; git keeps them (.gitattributes).
    assertThat(cmd).contains(":nojar\r\n");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void oneCompilerThreadOnTwoCoresOrFewerUnlessC2IsBack() throws Exception {
    // taskset gives the launcher (and nproc in it) one core whatever the machine has.
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/taskset")), "taskset (util-linux) not installed");
    assertThat(
            run(
                List.of("taskset", "-c", "0", "bash", "bin/gazette", "--print-jvm-flags"),
                Map.of()))
        .contains(ONE_COMPILER_THREAD);
    // C2 needs two compiler threads; the JVM would refuse to start with one.
    assertThat(
            run(
                List.of("taskset", "-c", "0", "bash", "bin/gazette", "--print-jvm-flags"),
                Map.of("GAZETTE_JAVA_OPTS", "-XX:TieredStopAtLevel=4")))
        .doesNotContain(ONE_COMPILER_THREAD);
  }

  private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
  private static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";

  /**
   * What the kernel says of transparent huge pages; with "never" the JVM would warn of the flag.
   */
  private static boolean hugePagesOnRequest() throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    if (!Files.isReadable(thp)) {
      return false;
    }
    String mode = Files.readString(thp);
    return mode.contains("[madvise]") || mode.contains("[always]");
  }

  @Test
  void bashLauncherRunsOnMacOsBash() throws Exception {
    String script = Files.readString(Path.of("bin/gazette"), StandardCharsets.UTF_8);
    // macOS ships readlink without -f and bash 3.2 (no mapfile, no ${x,,}, no declare -A).
    assertThat(script)
        .doesNotContain("readlink -f")
        .doesNotContain("mapfile")
        .doesNotContain(",,}")
        .doesNotContain("declare -A");
  }

  private String printFlags(Map<String, String> env) throws Exception {
    return run(List.of("bash", "bin/gazette", "--print-jvm-flags"), env);
  }

  private static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("GAZETTE_HEAP");
    pb.environment().remove("GAZETTE_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
