package dev.gazette.catalog;

/**
 * A picture publish wrote beside the catalog (a cover or its thumbnail).
 *
 * @param path its path relative to the catalog's folder, with {@code /}, e.g. {@code
 *     covers/news-2021-W26.jpg}
 * @param mediaType e.g. {@code image/jpeg}
 * @param width its width in pixels (0 when unknown)
 * @param height its height in pixels (0 when unknown)
 */
public record CatalogImage(String path, String mediaType, int width, int height) {}
