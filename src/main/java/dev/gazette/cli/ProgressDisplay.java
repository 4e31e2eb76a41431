package dev.gazette.cli;

import dev.gazette.api.GazetteListener;
import dev.gazette.api.OutputFile;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One status line on the terminal, rewritten in place ("articles 12/40", "laying out PDF…"). Only
 * for people watching: never when output goes to a file or a pipe, under CI, or with --quiet.
 */
final class ProgressDisplay implements GazetteListener {
  private final PrintWriter err;
  private int lastWidth;

  private ProgressDisplay(PrintWriter err) {
    this.err = err;
  }

  /** A display when a person is watching a terminal, else a listener that does nothing. */
  static GazetteListener forTerminal(Main main) {
    boolean terminal = System.console() != null && main.env().get("CI") == null;
    return terminal && !main.quiet ? new ProgressDisplay(main.err()) : GazetteListener.NONE;
  }

  @Override
  public synchronized void postsRead(int selected) {
    show(Main.count(selected, "post") + " selected");
  }

  @Override
  public synchronized void articleMade(Post post, int done, int total) {
    show(String.format(Locale.ROOT, "converting posts %d/%d", done, total));
  }

  @Override
  public synchronized void renderingStarted(Format format) {
    show("writing " + format.name() + "…");
  }

  @Override
  public synchronized void outputWritten(OutputFile output) {
    show("");
  }

  private void show(String line) {
    StringBuilder sb = new StringBuilder("\r").append(line);
    sb.append(" ".repeat(Math.max(0, lastWidth - line.length()))).append('\r');
    lastWidth = line.length();
    err.print(sb);
    err.flush();
  }
}
