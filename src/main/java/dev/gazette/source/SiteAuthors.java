package dev.gazette.source;

import dev.gazette.model.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's table of authors, which posts name by key: Hugo's {@code data/authors.yaml} and
 * Jekyll's {@code _data/authors.yml} (as jekyll-seo-tag reads it), each entry a mapping with a
 * {@code name}. Linkerd's posts say {@code author: william} and Crystal's {@code author: asterite};
 * their sites show William Morgan and Ary Borenzweig, and so does the digest.
 */
public final class SiteAuthors {
  /** A site without such a table: posts keep their authors as written. */
  public static final SiteAuthors NONE = new SiteAuthors(Map.of());

  /**
   * The front-matter keys that name a post's authors, in the order read: Jekyll's and Hexo's {@code
   * author}, Zola's and Hugo themes' {@code authors}, and Scala's {@code by} (its 212 news posts
   * gave the digest one author).
   */
  private static final List<String> KEYS = List.of("author", "authors", "by");

  /** The names {@code post} gives as its authors: those of the first of its keys that names any. */
  public static List<String> written(Post post) {
    for (String key : KEYS) {
      List<String> names = SiteConfig.names(post.fields().get(key));
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  private final Map<String, String> nameByKey;

  private SiteAuthors(Map<String, String> nameByKey) {
    this.nameByKey = Map.copyOf(nameByKey);
  }

  /** The table in the site's folder {@code siteRoot}, Hugo's first; {@link #NONE} for none. */
  public static SiteAuthors of(Path siteRoot) {
    if (siteRoot == null) {
      return NONE;
    }
    for (String folder : List.of("data", "_data")) {
      Optional<Object> table = new SiteData(siteRoot, folder).get("authors");
      if (table.isPresent() && table.get() instanceof Map<?, ?> entries) {
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          List<String> name = SiteConfig.names(e.getValue());
          if (e.getKey() != null && name.size() == 1) {
            names.put(String.valueOf(e.getKey()), name.get(0));
          }
        }
        if (!names.isEmpty()) {
          return new SiteAuthors(names);
        }
      }
    }
    return NONE;
  }

  /** {@code post}, each author it names by a key of the table named as the table names them. */
  public Post named(Post post) {
    if (nameByKey.isEmpty()) {
      return post;
    }
    Map<String, Object> fields = null;
    for (String key : KEYS) {
      Object value = post.fields().get(key);
      Object named = named(value);
      if (named != value) {
        fields = fields == null ? new LinkedHashMap<>(post.fields()) : fields;
        fields.put(key, named);
      }
    }
    return fields == null ? post : post.withFields(fields);
  }

  /** A value with its keys replaced by names; the same object when it holds none. */
  private Object named(Object value) {
    if (value instanceof String key) {
      String name = nameByKey.get(key.strip());
      if (name != null) {
        return name;
      }
      // Crystal's author: asterite,waj
      List<String> names = new ArrayList<>();
      for (String part : key.split(",")) {
        names.add(nameByKey.get(part.strip()));
      }
      return names.size() > 1 && !names.contains(null) ? names : value;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object item : list) {
        Object n = named(item);
        changed |= n != item;
        out.add(n);
      }
      return changed ? out : value;
    }
    return value;
  }
}
