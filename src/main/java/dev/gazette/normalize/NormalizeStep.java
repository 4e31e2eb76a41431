package dev.gazette.normalize;

import org.jsoup.nodes.Element;

/**
 * One rule of normalization. Steps run in a fixed order over the body element and change it in
 * place; each must be idempotent, so normalizing twice changes nothing.
 */
interface NormalizeStep {
  void apply(Element body, NormalizeContext context);
}
