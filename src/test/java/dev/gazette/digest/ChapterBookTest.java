package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.normalize.HtmlNormalizer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChapterBookTest {
  private final ArticleMaker maker =
      new ArticleMaker(
          new MarkdownRenderer(), new HtmlNormalizer(), (post, src, problems) -> Optional.empty());

  @Test
  void aRepeatedChapterIsGroupedByItsOwnSubChaptersNotByItsTwin() {
    // Two "Notes" chapters with the same text: only the second has a sub-chapter.
    String text =
        "# Notes\n\nSame.\n\n# Middle\n\nText.\n\n# Notes\n\nSame.\n\n## Detail\n\nMore.\n";
    Post post = Post.builder(Path.of("book.md"), "book.md").body(() -> text).build();

    ChapterBook.Book book = ChapterBook.make(maker, post, 2);

    assertThat(book.problems()).isEmpty();
    assertThat(book.sections()).extracting(Section::title).containsExactly(null, "Notes");
    assertThat(book.sections().get(1).articles())
        .extracting(a -> a.title())
        .containsExactly("Notes", "Detail");
  }
}
