package dev.gazette.normalize;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What normalization steps may look at and report to: the post, the id prefix of its article, the
 * image resolver; problems and assets found are collected here.
 */
public final class NormalizeContext {
  private final Post post;
  private final String idPrefix;
  private final String title;
  private final ImageResolver images;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Asset> assets = new LinkedHashSet<>();

  public NormalizeContext(Post post, String idPrefix, String title, ImageResolver images) {
    this.post = post;
    this.idPrefix = idPrefix;
    this.title = title;
    this.images = images;
  }

  public Post post() {
    return post;
  }

  public String idPrefix() {
    return idPrefix;
  }

  public String title() {
    return title;
  }

  public ImageResolver images() {
    return images;
  }

  public void warn(String message) {
    problems.add(Problem.warning(post.file(), 0, message));
  }

  public void addAsset(Asset asset) {
    assets.add(asset);
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public List<Asset> assets() {
    return List.copyOf(assets);
  }
}
