package io.fairtender.analyse.lexicon;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named concept (an attribute such as 注册资本 with its synonyms, a client type, a place) as data: the words that
 * express it and the regex built from them. Rules reference it as {@code {{id}}} in their patterns.
 *
 * @param id the name rules use
 * @param description what the concept is, in English
 * @param literals the literal words (also usable as rule triggers)
 * @param regex the expression matching any of them (no outer group)
 * @param matching examples in which the concept must be found
 * @param notMatching examples in which it must not be found
 * @param literalOnly true when the lexicon can serve as rule triggers (words only, no pattern fragments)
 */
public record Lexicon(String id, String description, List<String> literals, String regex, List<String> matching,
    List<String> notMatching, boolean literalOnly) {

  /** The compiled expression, for tests and tools. */
  public Pattern pattern() {
    return Pattern.compile(regex);
  }
}
