package dev.gazette.api;

/**
 * A request value that cannot work: a name that would leave the output folder, an unknown page
 * size, two ranges at once. {@link #key()} names the setting as {@code gazette.yml} spells it (the
 * command-line option is {@code --} and the key), so each front end can say where the value came
 * from.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private final String key;
  private final String reason;

  public InvalidSettingException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
    this.reason = reason;
  }

  /** The setting, e.g. {@code output-name} or {@code page-size}. */
  public String key() {
    return key;
  }

  /** What is wrong, without the key. */
  public String reason() {
    return reason;
  }
}
