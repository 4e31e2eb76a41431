package dev.gazette.api;

import dev.gazette.model.Format;
import java.nio.file.Path;

/** A file a run wrote, with its size and SHA-256 (hex). */
public record OutputFile(Format format, Path path, long size, String sha256) {}
