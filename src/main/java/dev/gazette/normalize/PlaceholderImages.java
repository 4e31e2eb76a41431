package dev.gazette.normalize;

import dev.gazette.util.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Services that return a random or dummy picture for any URL (theme demos leave them in front
 * matter). Such an image says nothing about the post and changes on every download, so it is left
 * out.
 */
final class PlaceholderImages {
  private static final Set<String> HOSTS =
      Set.of(
          "picsum.photos",
          "fastly.picsum.photos",
          "placehold.it",
          "placehold.co",
          "placeholder.com",
          "via.placeholder.com",
          "dummyimage.com",
          "placekitten.com",
          "loremflickr.com",
          "source.unsplash.com",
          "lorempixel.com",
          "fakeimg.pl");

  private PlaceholderImages() {}

  static boolean isPlaceholder(String src) {
    try {
      String s = src.strip();
      URI uri = URI.create(Urls.withScheme(s));
      String host = uri.getHost();
      return host != null
          && HOSTS.contains(host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
