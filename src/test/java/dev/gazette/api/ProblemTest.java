package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void aFileNameOrMessageCannotForgeAnotherLineOfOutput() {
    Problem p =
        Problem.warning(
            Path.of("posts/a.md\nerror: all good\r"), 3, "image 'x\u0007\u202E' not found\n");
    assertThat(p.toString())
        .doesNotContain("\n")
        .doesNotContain("\r")
        .doesNotContain("\u0007")
        .isEqualTo(
            "posts/a.md\\nerror: all good\\r:3: warning: image 'x\\u0007\\u202E' not found\\n");
    assertThat(Problem.error(Path.of("中文 名.md"), 0, "普通消息").toString())
        .isEqualTo("中文 名.md: error: 普通消息");
  }
}
