package io.fairtender.cli;

import java.nio.file.Path;

/** A document of a bench run, read into memory, with its pages as the checker counted them. */
record BenchDoc(Path path, byte[] data, int pages) {}
