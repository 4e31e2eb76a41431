package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Section;
import dev.gazette.source.ContentFiles;
import dev.gazette.source.OrderFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a book's articles into nested sections after their folders: {@code 02-setup/install.md}
 * goes into section "02 setup" (or the title of {@code 02-setup/index.md}, see {@link #titleOf}).
 * Reading order is kept: a folder's section stands where its first article stands, articles of one
 * folder stay together, and loose articles between folders form untitled sections so they are read
 * where they stand. Folders every article shares (say {@code src/}) make no section, nor does a
 * page bundle's folder, which holds one page as its index file and that page's pictures.
 */
public final class FolderSections {
  private final Map<String, String> titles;
  private int nextId;

  private FolderSections(Map<String, String> titles) {
    this.titles = titles;
  }

  /**
   * @param articles the articles in reading order
   * @param folderTitles section titles by folder path relative to the source ({@code /}), from
   *     index files
   */
  public static List<Section> of(List<Article> articles, Map<String, String> folderTitles) {
    Folder root = new Folder("", "");
    int shared = sharedDepth(articles);
    Map<String, Integer> perFolder = new java.util.HashMap<>();
    for (Article a : articles) {
      perFolder.merge(ContentFiles.folderOf(a.post().relativePath()), 1, Integer::sum);
    }
    for (Article a : articles) {
      List<String> segments = folders(a);
      String folder = ContentFiles.folderOf(a.post().relativePath());
      if (!segments.isEmpty()
          && segments.size() > shared
          && ContentFiles.isIndexName(a.post().file().getFileName().toString())
          && perFolder.get(folder) == 1
          && !folderTitles.containsKey(folder)) {
        // a page bundle (Hugo's leaf bundle, Zola's page folder): its folder is the page's
        // address and holds its pictures, no section of the book
        segments = segments.subList(0, segments.size() - 1);
      }
      Folder f = root;
      for (int i = shared; i < segments.size(); i++) {
        f = f.child(String.join("/", segments.subList(0, i + 1)), segments.get(i));
      }
      f.items.add(a);
    }
    return new FolderSections(folderTitles).sequence(root.items);
  }

  /**
   * Groups a book's articles into the parts and chapters of the order file that gave their order
   * ({@code SUMMARY.md}, a sidebar): a chapter with sub-chapters is a section opened by its own
   * page and titled as that page is, a part heading a section of its own. An article the file does
   * not list stays in the section of the article before it, or at the top level when it comes after
   * every listed one. A flat list makes no section: Ruan Yifeng's ES6 book was cut into a "docs"
   * section and chai2010's Go book into "ch1-basic" sections before.
   *
   * @param articles the articles in reading order, the order file's
   * @param outline each listed article's groups, by relative path, outermost first
   */
  public static List<Section> ofOutline(
      List<Article> articles, Map<String, List<OrderFile.Group>> outline) {
    Map<String, String> pageTitles = new java.util.HashMap<>();
    for (Article a : articles) {
      pageTitles.putIfAbsent(a.post().relativePath(), a.title());
    }
    Folder root = new Folder("", "");
    int lastListed = -1;
    for (int i = 0; i < articles.size(); i++) {
      lastListed = outline.containsKey(articles.get(i).post().relativePath()) ? i : lastListed;
    }
    List<OrderFile.Group> previous = List.of();
    for (int i = 0; i < articles.size(); i++) {
      List<OrderFile.Group> groups = outline.get(articles.get(i).post().relativePath());
      if (groups == null) {
        groups = i < lastListed ? previous : List.of();
      }
      Folder f = root;
      for (OrderFile.Group g : groups) {
        String title = g.path() == null ? g.title() : pageTitles.getOrDefault(g.path(), g.title());
        f = f.child(g.key(), title);
      }
      f.items.add(articles.get(i));
      previous = groups;
    }
    return new FolderSections(Map.of()).sequence(root.items);
  }

  /**
   * Top-level (or nested) items: runs of articles become untitled sections, folders titled ones.
   */
  private List<Section> sequence(List<Object> items) {
    List<Section> sections = new ArrayList<>();
    List<Article> run = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Article a) {
        run.add(a);
        continue;
      }
      if (!run.isEmpty()) {
        sections.add(new Section(id(), null, run, List.of()));
        run = new ArrayList<>();
      }
      sections.add(section((Folder) item));
    }
    if (!run.isEmpty()) {
      sections.add(new Section(id(), null, run, List.of()));
    }
    return sections;
  }

  private Section section(Folder folder) {
    String id = id();
    int lead = 0;
    while (lead < folder.items.size() && folder.items.get(lead) instanceof Article) {
      lead++;
    }
    List<Article> articles =
        folder.items.subList(0, lead).stream().map(Article.class::cast).toList();
    List<Section> subsections = sequence(folder.items.subList(lead, folder.items.size()));
    return new Section(
        id, titles.getOrDefault(folder.path, titleOf(folder.name)), articles, subsections);
  }

  /**
   * A folder's name as a title, for a folder that names no title of its own, as MkDocs titles
   * folders: dashes and underscores read as spaces, and a name all in lower case capitalized
   * ({@code getting-started}: "Getting started"; {@code iOS_apps}: "iOS apps"). A number in front
   * stays: {@code 8-ways-to-…} and {@code 2020-outlook} say it.
   */
  static String titleOf(String folderName) {
    String title = folderName.replace('-', ' ').replace('_', ' ').strip();
    title = title.isEmpty() ? folderName : title;
    if (title.toLowerCase(java.util.Locale.ROOT).equals(title)) {
      int first = title.codePointAt(0);
      title =
          new String(Character.toChars(Character.toTitleCase(first)))
              + title.substring(Character.charCount(first));
    }
    return title;
  }

  private String id() {
    return Section.idFor(++nextId);
  }

  private static List<String> folders(Article a) {
    String rel = a.post().relativePath();
    int slash = rel.lastIndexOf('/');
    if (slash < 0) {
      return List.of();
    }
    List<String> folders = new ArrayList<>(List.of(rel.substring(0, slash).split("/")));
    // Jekyll's news/_posts/ holds the posts of news/: no section of its own named "_posts".
    folders.removeIf(JEKYLL_POST_FOLDERS::contains);
    return folders;
  }

  private static final java.util.Set<String> JEKYLL_POST_FOLDERS =
      java.util.Set.of("_posts", "_drafts");

  /** How many leading folders every article shares. */
  private static int sharedDepth(List<Article> articles) {
    if (articles.isEmpty()) {
      return 0;
    }
    List<String> first = folders(articles.get(0));
    int depth = first.size();
    for (Article a : articles) {
      List<String> f = folders(a);
      int d = 0;
      while (d < Math.min(depth, f.size()) && f.get(d).equals(first.get(d))) {
        d++;
      }
      depth = d;
    }
    return depth;
  }

  /** A folder while grouping: its articles and sub-folders in order of first appearance. */
  private static final class Folder {
    final String path;
    final String name;
    final List<Object> items = new ArrayList<>();
    final Map<String, Folder> children = new LinkedHashMap<>();

    Folder(String path, String name) {
      this.path = path;
      this.name = name;
    }

    Folder child(String path, String name) {
      return children.computeIfAbsent(
          path,
          p -> {
            Folder f = new Folder(p, name);
            items.add(f);
            return f;
          });
    }
  }
}
