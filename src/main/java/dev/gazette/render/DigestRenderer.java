package dev.gazette.render;

import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a digest in one format. Implementations are stateless and write only to {@code out}. */
public interface DigestRenderer {
  Format format();

  void render(Digest digest, RenderContext context, OutputStream out) throws IOException;
}
