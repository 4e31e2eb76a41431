package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code build --profile}: keeps an EPUB under the size limit of the service it is sent to. The
 * pictures may fill three quarters of the limit (text, fonts and the cover take the rest: under a
 * tenth on the archives tried). Pictures over that are made again smaller, a {@link Step} at a
 * time, until they fit; only past the smallest step are pictures left out by {@link ImageBudget},
 * each with its warning, and a file still over the limit gets a warning of its own, before {@code
 * send} refuses it.
 */
public final class ProfileFit {
  /** A size and JPEG quality the digest's pictures are made again at. */
  public record Step(int longSide, float jpegQuality) {}

  /**
   * Tried in turn after the usual 1600 px at 0.82: the pixels go first, as a reader's screen shows
   * a picture at well under 1600 px anyway; quality only drops at the last step.
   */
  public static final List<Step> STEPS =
      List.of(new Step(1200, 0.82f), new Step(900, 0.82f), new Step(700, 0.75f));

  private ProfileFit() {}

  /**
   * The articles with their pictures made at the first of {@link #STEPS} whose pictures take at
   * most {@code cap} bytes (the smallest step when none does), and one line saying so; the articles
   * as they are when there is no profile or the pictures fit already.
   *
   * @param smaller for a step, the picture made again at that step (or as it was, when it cannot)
   * @param file the file the line is about (the source)
   */
  public static ImageBudget.Result shrink(
      List<Article> articles,
      long cap,
      DeliveryProfile profile,
      Function<Step, UnaryOperator<Asset>> smaller,
      Path file) {
    Map<String, Asset> pictures = pictures(articles);
    long before = bytes(pictures.values());
    if (profile == null || before <= cap) {
      return new ImageBudget.Result(articles, List.of(), Map.of());
    }
    Step step = null;
    Map<String, Asset> made = null;
    for (Step s : STEPS) {
      step = s;
      made = new LinkedHashMap<>();
      UnaryOperator<Asset> remake = smaller.apply(s);
      for (Map.Entry<String, Asset> e : pictures.entrySet()) {
        made.put(e.getKey(), remake.apply(e.getValue()));
      }
      if (bytes(distinct(made.values())) <= cap) {
        break;
      }
    }
    Map<String, Asset> chosen = made;
    Map<String, String> renamed = new LinkedHashMap<>();
    chosen.forEach((href, asset) -> renamed.put(href, asset.href()));
    List<Article> out = new ArrayList<>();
    Map<Article, Article> replaced = new IdentityHashMap<>();
    for (Article a : articles) {
      Article remade =
          new Article(
              a.id(),
              a.post(),
              a.title(),
              a.lang(),
              ImageBudget.withImagesRenamed(a.bodyXhtml(), renamed),
              distinct(a.assets().stream().map(x -> chosen.getOrDefault(x.href(), x)).toList()));
      replaced.put(a, remade);
      out.add(remade);
    }
    long after = bytes(distinct(chosen.values()));
    String message =
        String.format(
            Locale.ROOT,
            "pictures made again at %d px on the long side and JPEG quality %.2f to fit the %.1f MB"
                + " of pictures --profile %s allows (%.1f → %.1f MB)%s",
            step.longSide(),
            step.jpegQuality(),
            cap / 1e6,
            profile.id(),
            before / 1e6,
            after / 1e6,
            after <= cap ? "" : "; still too many, so some are left out");
    return new ImageBudget.Result(out, List.of(Problem.warning(file, 0, message)), replaced);
  }

  /** Each picture once, by name, in reading order. */
  private static Map<String, Asset> pictures(List<Article> articles) {
    Map<String, Asset> out = new LinkedHashMap<>();
    for (Article a : articles) {
      for (Asset asset : a.assets()) {
        out.putIfAbsent(asset.href(), asset);
      }
    }
    return out;
  }

  /** Two pictures may come out the same once smaller: they are one asset then. */
  private static List<Asset> distinct(Collection<Asset> assets) {
    Map<String, Asset> out = new LinkedHashMap<>();
    for (Asset a : assets) {
      out.putIfAbsent(a.href(), a);
    }
    return List.copyOf(out.values());
  }

  private static long bytes(Collection<Asset> assets) {
    long sum = 0;
    for (Asset a : assets) {
      sum += a.bytes().length;
    }
    return sum;
  }

  /** The picture bytes an EPUB for {@code profile} may embed, at most {@code cap}. */
  public static long imageCap(long cap, DeliveryProfile profile) {
    return profile == null ? cap : Math.min(cap, profile.maxBytes() / 4 * 3);
  }

  /** A warning when the written file is still over the profile's limit. */
  public static Optional<Problem> check(Path file, long size, DeliveryProfile profile) {
    if (profile == null || size <= profile.maxBytes()) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.warning(
            file,
            0,
            String.format(
                Locale.ROOT,
                "is %.1f MB, over the %.1f MB %s takes (--profile %s): select fewer posts",
                size / 1e6,
                profile.maxBytes() / 1e6,
                profile.service(),
                profile.id())));
  }
}
