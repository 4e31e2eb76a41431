package dev.gazette.model;

import java.util.Objects;

/**
 * The rule that ordered a selection and what it was based on, for people to read.
 *
 * @param rule the rule applied
 * @param basis what the rule read, e.g. {@code SUMMARY.md}, {@code front matter weight}, {@code
 *     publication date}, {@code natural path order}
 */
public record Ordering(OrderRule rule, String basis) {
  public Ordering {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(basis, "basis");
  }

  @Override
  public String toString() {
    return rule.name().toLowerCase(java.util.Locale.ROOT) + " (" + basis + ")";
  }
}
