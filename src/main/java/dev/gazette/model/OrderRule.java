package dev.gazette.model;

/**
 * How the posts of a digest or book were put in reading order.
 *
 * <ul>
 *   <li>{@link #EXPLICIT}: the folder said so, with an order file ({@code SUMMARY.md} or {@code
 *       _order.txt}) or front-matter {@code weight}/{@code order} values;
 *   <li>{@link #DATE}: by publication date (used when every post has one, and always with a range);
 *   <li>{@link #PATH}: by path in natural order ({@code issue-2} before {@code issue-10}).
 * </ul>
 */
public enum OrderRule {
  EXPLICIT,
  DATE,
  PATH;

  /**
   * Parses the command-line spelling: {@code date}, {@code path}, or {@code weight}/{@code
   * explicit}.
   */
  public static OrderRule parse(String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "date" -> DATE;
      case "path", "name" -> PATH;
      case "weight", "explicit", "order" -> EXPLICIT;
      default ->
          throw new IllegalArgumentException("'" + value + "' is not one of date, path, weight");
    };
  }
}
