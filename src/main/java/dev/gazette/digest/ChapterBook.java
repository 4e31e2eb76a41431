package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A book made of one file: its chapters (see {@link Chapters}) become articles, one EPUB file each;
 * with split level 2, sub-chapters nest in a section named after their chapter. A chapter that
 * holds only its heading gives that section its title and no page of its own.
 */
public final class ChapterBook {
  /**
   * @param title the title heading found in the text, or null
   * @param articles the chapters in reading order
   * @param sections the chapters grouped
   * @param problems what went wrong (a chapter that could not be converted is left out)
   */
  public record Book(
      String title, List<Article> articles, List<Section> sections, List<Problem> problems) {}

  private ChapterBook() {}

  public static Book make(ArticleMaker maker, Post post, int splitLevel) {
    List<Problem> problems = new ArrayList<>();
    String html;
    try {
      html = maker.toHtml(post, post.body(), problems);
    } catch (RuntimeException e) {
      problems.add(
          Problem.error(
              post.file(), 0, "cannot read or convert: " + e.getMessage() + "; file skipped"));
      return new Book(null, List.of(), List.of(), problems);
    } catch (StackOverflowError e) {
      // The Markdown parser recurses once per nesting level; 10,000 nested quotes overflow it.
      problems.add(Problem.error(post.file(), 0, "nested too deeply to convert; file skipped"));
      return new Book(null, List.of(), List.of(), problems);
    }
    // Not post.title(): without a title heading that would be the first chapter's heading.
    String fileTitle = post.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
    Chapters.Split split = Chapters.split(html, post.declaredTitle().orElse(fileTitle), splitLevel);
    List<Section> sections = new ArrayList<>();
    List<Article> all = new ArrayList<>();
    List<Article> run = new ArrayList<>();
    Group open = null;
    int n = 0;
    for (int i = 0; i < split.parts().size(); i++) {
      Chapters.Part part = split.parts().get(i);
      boolean opensGroup = part.depth() == 0 && hasChildren(split.parts(), i);
      Article article = null;
      if (!(opensGroup && part.headingOnly())) {
        String id = Article.idFor(++n, split.parts().size());
        ArticleMaker.Outcome o = maker.fromHtml(post, id, part.title(), part.html());
        problems.addAll(o.problems());
        article = o.article();
      }
      if (part.depth() == 0) {
        if (open != null) {
          open.addTo(sections);
          open = null;
        }
        if (opensGroup) {
          flush(sections, run);
          run = new ArrayList<>();
          open = new Group(part.title());
          if (article != null) {
            open.articles.add(article);
          }
        } else if (article != null) {
          run.add(article);
        }
      } else if (article != null) {
        if (open != null) {
          open.articles.add(article);
        } else {
          run.add(article);
        }
      }
      if (article != null) {
        all.add(article);
      }
    }
    if (open != null) {
      open.addTo(sections);
    }
    flush(sections, run);
    return new Book(split.title(), all, sections, problems);
  }

  /** By position: parts are records, so two chapters with the same heading and text are equal. */
  private static boolean hasChildren(List<Chapters.Part> parts, int i) {
    return i + 1 < parts.size() && parts.get(i + 1).depth() > 0;
  }

  private static void flush(List<Section> sections, List<Article> run) {
    if (!run.isEmpty()) {
      sections.add(new Section(sectionId(sections), null, run, List.of()));
    }
  }

  private static String sectionId(List<Section> sections) {
    return Section.idFor(sections.size() + 1);
  }

  /** A chapter whose sub-chapters are being collected. */
  private static final class Group {
    final String title;
    final List<Article> articles = new ArrayList<>();

    Group(String title) {
      this.title = title;
    }

    void addTo(List<Section> sections) {
      if (!articles.isEmpty()) {
        sections.add(new Section(sectionId(sections), title, articles, List.of()));
      }
    }
  }
}
