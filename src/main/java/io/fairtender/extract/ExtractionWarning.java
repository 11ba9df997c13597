package io.fairtender.extract;

/**
 * Part of a document that could not be read; the rest was.
 *
 * @param code NO_TEXT_LAYER, UNMAPPED_FONT, ENTRY_SKIPPED ...
 * @param page the page concerned, or null
 * @param entry the package entry concerned, or null
 * @param detail what happened (English; the report words it for the reader)
 */
public record ExtractionWarning(String code, Integer page, String entry, String detail) {}
