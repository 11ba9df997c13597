package io.fairtender.report;

/**
 * Something the checker could not do for part of a document; the rest was checked.
 *
 * @param code stable code (NO_TEXT_LAYER, RULE_ERROR, ...)
 * @param message what happened
 * @param page the page concerned, or null
 * @param ruleId the rule concerned, or null
 */
public record ProcessingError(String code, String message, Integer page, String ruleId) {}
