package dev.gazette.testing;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The request most tests start from: the posts of one folder, their dates read in UTC, the outputs
 * written to another folder. A test adds what it is about (formats, name, page size) and builds.
 */
public final class TestBuilds {
  private TestBuilds() {}

  public static DigestRequest.Builder utc(Path posts, Path outputs) {
    return DigestRequest.builder().source(posts).zone(ZoneId.of("UTC")).outputDir(outputs);
  }

  public static DigestResult build(DigestRequest.Builder request) throws GazetteException {
    return Gazette.create().build(request.build());
  }
}
