package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.InvalidSettingException;
import dev.gazette.api.Settings;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigFile;
import dev.gazette.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request from two layers: {@code gazette.yml}, then the command line, which wins. Both go
 * through {@link Settings} onto one {@link DigestRequest.Builder}, which checks; this class only
 * says where a refused value came from: {@code gazette.yml:3: 'output.name': …} or {@code
 * --output-name: …}.
 */
final class RequestLayers {
  private final DigestRequest.Builder builder;
  private final Map<String, ConfigFile.Entry> fromFile = new HashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private ConfigFile file;

  RequestLayers(DigestRequest.Builder builder) {
    this.builder = builder;
  }

  /** Reads a settings file and applies it. */
  RequestLayers config(Path path) throws ConfigException {
    ConfigFile f = ConfigLoader.load(path, Settings.keys());
    this.file = f;
    for (ConfigFile.Entry e : f.entries()) {
      try {
        Settings.apply(builder, e.key(), e.value(), f.base());
      } catch (InvalidSettingException x) {
        throw f.error(e, x.reason());
      }
      fromFile.put(e.key(), e);
      values.put(e.key(), e.value());
    }
    return this;
  }

  /**
   * Applies values given on the command line (key to String, list or Boolean), over the file's. A
   * range given here replaces the file's range, of whatever way.
   */
  RequestLayers options(Map<String, Object> given) {
    if (given.keySet().stream().anyMatch(Settings::isRange)) {
      builder.range(null, null);
      fromFile.keySet().removeIf(Settings::isRange);
    }
    for (Map.Entry<String, Object> e : given.entrySet()) {
      try {
        Settings.apply(builder, e.getKey(), e.getValue(), null);
      } catch (InvalidSettingException x) {
        throw usage(x);
      }
      fromFile.remove(e.getKey());
      values.put(e.getKey(), e.getValue());
    }
    return this;
  }

  DigestRequest.Builder builder() {
    return builder;
  }

  /** A value as written in the winning layer (a String, list or Boolean), or null when not set. */
  Object value(String key) {
    return values.get(key);
  }

  /**
   * A refused value, worded with where it came from: {@code gazette.yml:3: 'send.smtp': …} or
   * {@code --send-smtp: …}.
   */
  UsageException refused(String key, String reason) {
    ConfigFile.Entry e = fromFile.get(key);
    return e != null
        ? new UsageException(file.error(e, reason).getMessage())
        : usage(new InvalidSettingException(key, reason));
  }

  /** Whether a switch (such as {@code allow-empty}) is on in either layer. */
  boolean isOn(String key) {
    Object v = values.get(key);
    return v != null && new Settings.Value(v, null).bool();
  }

  /**
   * The checked request.
   *
   * @throws ConfigException when the file gave the value refused
   * @throws UsageException when the command line gave it
   */
  DigestRequest build() throws ConfigException {
    try {
      return builder.build();
    } catch (InvalidSettingException x) {
      ConfigFile.Entry e = fromFile.get(x.key());
      if (e != null) {
        throw file.error(e, x.reason());
      }
      throw usage(x);
    }
  }

  private static UsageException usage(InvalidSettingException x) {
    String option = Settings.find(x.key()).map(Settings.Setting::option).orElse(x.key());
    return new UsageException(option + ": " + x.reason());
  }
}
