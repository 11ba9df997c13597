package io.fairtender.analyse;

import java.util.Map;

/**
 * Where a rule matched, in normalised chars, with the values it read.
 *
 * @param rule the rule
 * @param start first normalised char
 * @param end one past the last normalised char
 * @param values quantities and subjects the rule read (amountCny, years, count, ...)
 */
public record Match(Rule rule, int start, int end, Map<String, Object> values) {}
