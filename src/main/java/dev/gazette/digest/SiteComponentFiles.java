package dev.gazette.digest;

import dev.gazette.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a site's own components ({@code <YouTubeEmbed id="…"/>} in a post) by their files, whose
 * source {@code ComponentTemplates} reads for what they draw.
 */
final class SiteComponentFiles {
  private SiteComponentFiles() {}

  /** Where a site keeps its components: a folder so named, at most this deep in the site. */
  private static final int COMPONENT_DEPTH = 5;

  private static final Pattern COMPONENT_FILE =
      Pattern.compile("([A-Z][A-Za-z0-9]*)\\.(?:tsx|jsx|vue|svelte|astro)");

  /**
   * The component files of the site's folder: {@code Name.tsx}, {@code .jsx}, {@code .vue}, {@code
   * .svelte} or {@code .astro} in a folder whose name holds "component" ({@code src/components/},
   * Lume's {@code _components/}), outside {@code node_modules} and hidden folders; the first by
   * path when two share a name. Empty without a site folder.
   */
  static Map<String, Path> find(Path siteRoot) {
    if (siteRoot == null || !Files.isDirectory(siteRoot)) {
      return Map.of();
    }
    Map<String, Path> found = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try {
      FileTrees.regularFiles(
          siteRoot,
          COMPONENT_DEPTH,
          dir ->
              dir.getFileName().toString().equals("node_modules")
                  || dir.getFileName().toString().startsWith("."),
          file ->
              COMPONENT_FILE.matcher(file.getFileName().toString()).matches()
                  && inComponentFolder(siteRoot, file),
          files);
    } catch (IOException | RuntimeException e) {
      return Map.of(); // an unreadable folder: no component is read
    }
    files.sort(null);
    for (Path file : files) {
      Matcher m = COMPONENT_FILE.matcher(file.getFileName().toString());
      if (m.matches()) {
        found.putIfAbsent(m.group(1), file);
      }
    }
    for (String script : COMPONENT_MAPS) {
      componentsMapped(siteRoot, siteRoot.resolve(script), found);
    }
    return Map.copyOf(found);
  }

  /**
   * The scripts that give a site's components other names: Lume's {@code _config.ts} ({@code
   * "Picture": XeblogPicture} among its MDX components), Next.js's {@code mdx-components}.
   */
  private static final List<String> COMPONENT_MAPS =
      List.of(
          "_config.ts",
          "_config.js",
          "mdx-components.tsx",
          "mdx-components.jsx",
          "src/mdx-components.tsx",
          "src/mdx-components.jsx");

  private static final Pattern COMPONENT_ALIAS =
      Pattern.compile(
          "(?m)^\\s*[\"']?([A-Z][A-Za-z0-9]*)[\"']?\\s*:\\s*([A-Z][A-Za-z0-9]*)\\s*,?\\s*$");

  /**
   * Adds to {@code found} the components {@code script} names otherwise ({@code "Picture":
   * XeblogPicture}), by the file it imports under that name ({@code import XeblogPicture from
   * "./src/_components/XeblogPicture.tsx"}), when the file is in the site's folder.
   */
  private static void componentsMapped(Path siteRoot, Path script, Map<String, Path> found) {
    Optional<String> text =
        ArticleMaker.readInside(siteRoot, script.getParent(), script.getFileName().toString());
    if (text.isEmpty()) {
      return;
    }
    for (Matcher m = COMPONENT_ALIAS.matcher(text.get()); m.find(); ) {
      Matcher imported =
          Pattern.compile(
                  "import\\s+"
                      + m.group(2)
                      + "\\s+from\\s+[\"'](\\.{1,2}/[^\"']+\\.(?:tsx|jsx|vue|svelte|astro))[\"']")
              .matcher(text.get());
      if (!found.containsKey(m.group(1)) && imported.find()) {
        Path file = script.getParent().resolve(imported.group(1)).normalize();
        if (file.startsWith(siteRoot) && Files.isRegularFile(file)) {
          found.put(m.group(1), file);
        }
      }
    }
  }

  private static boolean inComponentFolder(Path siteRoot, Path file) {
    for (Path part : siteRoot.relativize(file.getParent())) {
      if (part.toString().toLowerCase(Locale.ROOT).contains("component")) {
        return true;
      }
    }
    return false;
  }
}
