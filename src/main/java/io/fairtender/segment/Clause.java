package io.fairtender.segment;

/**
 * One unit of a document as the clause classifier sees it: its span in the extracted text, its normalised text and
 * the roles that apply to it.
 *
 * @param start first char in the extracted text
 * @param end one past the last char in the extracted text
 * @param text the unit's normalised text
 * @param role the role of the section it stands in
 * @param block the role of the block that covers it
 */
public record Clause(int start, int end, String text, SectionRole role, BlockRole block) {}
