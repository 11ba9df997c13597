package io.fairtender.extract;

import io.fairtender.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Tika input streams over a document held in memory. An OLE2 document (.doc, .wps, .xls) comes with its container
 * already open in memory, so neither Tika's OLE2 detector nor its Office parser copies it to a spool file first;
 * a spool file some other reader still asks for goes to a private {@link TempFiles} folder, created only then, that
 * {@link #close()} deletes with everything in it.
 */
final class TikaSpool implements AutoCloseable {
  private final LazyFolder resources = new LazyFolder();

  /** A stream over {@code data}; close it (or this spool) when done. */
  TikaInputStream open(byte[] data, Metadata metadata) {
    TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(data), resources, metadata);
    if (isOle2(data)) {
      try {
        POIFSFileSystem ole2 = new POIFSFileSystem(new ByteArrayInputStream(data));
        resources.addResource(ole2);
        // with its length: Tika's bomb guard counts the characters out against the bytes in, and a container read
        // from memory leaves the stream unread (0 bytes in for a document of a million characters)
        in.setOpenContainer(ole2, data.length);
      } catch (IOException | RuntimeException e) {
        // not a readable container: the detector and the parser see the bytes and say what is wrong in their terms
      }
    }
    return in;
  }

  private static boolean isOle2(byte[] data) {
    try {
      return FileMagic.valueOf(data) == FileMagic.OLE2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** True once a reader asked for a spool file (and the folder was created). */
  boolean spooled() {
    return resources.dir != null;
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (IOException ignored) {
      // the folder is deleted below either way
    } finally {
      TempFiles.delete(resources.dir);
    }
  }

  /** Temporary resources whose folder is created with the first temporary file. */
  private static final class LazyFolder extends TemporaryResources {
    private Path dir;

    private void folder() {
      if (dir == null) {
        dir = TempFiles.createDir("tika");
        setTemporaryFileDirectory(dir);
      }
    }

    @Override
    public Path createTempFile(String suffix) throws IOException {
      folder();
      return super.createTempFile(suffix);
    }

    @Override
    public Path createTempFile() throws IOException {
      folder();
      return super.createTempFile();
    }

    @Override
    public Path createTempFile(Metadata metadata) throws IOException {
      folder();
      return super.createTempFile(metadata);
    }

    @Override
    public File createTemporaryFile() throws IOException {
      folder();
      return super.createTemporaryFile();
    }
  }
}
