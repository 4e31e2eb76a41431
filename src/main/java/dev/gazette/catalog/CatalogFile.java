package dev.gazette.catalog;

import dev.gazette.model.Format;

/**
 * A digest file the catalog links to.
 *
 * @param format its format
 * @param fileName its name in the catalog's folder (the link is relative, so any static host serves
 *     it)
 * @param mediaType its media type, e.g. {@code application/epub+zip}
 * @param size its size in bytes (a page without its pictures)
 */
public record CatalogFile(Format format, String fileName, String mediaType, long size) {
  static String mediaType(Format format) {
    return switch (format) {
      case EPUB -> "application/epub+zip";
      case PDF -> "application/pdf";
      case HTML -> "text/html";
    };
  }
}
