package io.fairtender.scan;

import java.nio.file.Path;

/**
 * One document found by a scan.
 *
 * @param file where it is on disk
 * @param path its path relative to the scanned root, with {@code /} separators (the key in reports and summaries)
 * @param bytes its size
 * @param modified its modification time, epoch milliseconds
 */
public record ScanItem(Path file, String path, long bytes, long modified) {}
