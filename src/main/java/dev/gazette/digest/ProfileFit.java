package dev.gazette.digest;

import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code build --profile}: keeps an EPUB under the size limit of the service it is sent to. The
 * pictures may fill three quarters of the limit (text, fonts and the cover take the rest: under a
 * tenth on the archives tried); pictures past that are left out by {@link ImageBudget}, each with
 * its warning, and a file still over the limit gets a warning of its own, before {@code send}
 * refuses it.
 */
public final class ProfileFit {
  private ProfileFit() {}

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
