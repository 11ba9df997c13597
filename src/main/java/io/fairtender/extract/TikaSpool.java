package io.fairtender.extract;

import io.fairtender.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Tika input streams over a document held in memory, whose spool files (the OLE2 detector and several parsers copy
 * the document to a file) go to a private {@link TempFiles} folder that {@link #close()} deletes with everything in it.
 */
final class TikaSpool implements AutoCloseable {
  private final Path dir;
  private final TemporaryResources resources = new TemporaryResources();

  TikaSpool() {
    dir = TempFiles.createDir("tika");
    resources.setTemporaryFileDirectory(dir);
  }

  /** A stream over {@code data}; close it (or this spool) when done. */
  TikaInputStream open(byte[] data, Metadata metadata) {
    return TikaInputStream.get(new ByteArrayInputStream(data), resources, metadata);
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (IOException ignored) {
      // the folder is deleted below either way
    } finally {
      TempFiles.delete(dir);
    }
  }
}
