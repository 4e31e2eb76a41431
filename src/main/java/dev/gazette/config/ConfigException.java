package dev.gazette.config;

import java.nio.file.Path;

/** A configuration file that cannot be used; the message names the file, the line and the key. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String key;

  private final String detail;

  public ConfigException(Path file, int line, String key, String message) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (key == null ? "" : "'" + key + "': ")
            + message);
    this.detail = (key == null ? "" : "'" + key + "': ") + message;
    this.file = file;
    this.line = line;
    this.key = key;
  }

  /** The message without file and line, e.g. {@code 'thme': unknown key (…)}. */
  public String detail() {
    return detail;
  }

  public Path file() {
    return file;
  }

  /** 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The key (dotted for nested keys, e.g. {@code fonts.serif}), or null. */
  public String key() {
    return key;
  }
}
