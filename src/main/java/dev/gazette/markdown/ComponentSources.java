package dev.gazette.markdown;

import java.util.Optional;

/**
 * The source files of a site's own components ({@code src/components/YouTubeEmbed.vue}), by the
 * component's name, for reading what a post's {@code <YouTubeEmbed id="…"/>} draws.
 */
@FunctionalInterface
public interface ComponentSources {
  /** None: every component without a body is removed and said. */
  ComponentSources NONE = name -> Optional.empty();

  /** The source text of the component {@code name}, or empty when the site has no such file. */
  Optional<String> source(String name);
}
