package io.fairtender.segment;

/**
 * A titled part of the document.
 *
 * @param heading the heading text as normalised (empty for the document root)
 * @param path headings from the root, joined with " > "
 * @param role what the section is for
 * @param level nesting depth from the heading marker (0 for the root)
 * @param start first normalised char of the heading
 * @param end one past the heading's last normalised char
 * @param parent the enclosing section, null for the root
 */
public record Section(String heading, String path, SectionRole role, int level, int start, int end, Section parent) {}
