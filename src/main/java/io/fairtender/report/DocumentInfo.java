package io.fairtender.report;

/**
 * What was checked.
 *
 * @param name the file name as given
 * @param sha256 hex digest of the bytes
 * @param mediaType the detected type
 * @param bytes size in bytes
 * @param pages page count (1 for formats without pages)
 * @param chars length of the extracted text in code points
 * @param ocrPages pages whose text was read by OCR (no usable text layer)
 */
public record DocumentInfo(String name, String sha256, String mediaType, long bytes, int pages, int chars, java.util.List<Integer> ocrPages) {}
