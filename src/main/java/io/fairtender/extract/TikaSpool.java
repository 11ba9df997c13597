package io.fairtender.extract;

import io.fairtender.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.microsoft.ooxml.OPCPackageWrapper;

/**
 * Tika input streams over a document held in memory. An OLE2 document (.doc, .wps, .xls) and a DOCX come with their
 * container already open in memory, so neither Tika's detectors nor its Office parsers copy them to a spool file first;
 * a spool file some other reader still asks for goes to a private {@link TempFiles} folder, created only then, that
 * {@link #close()} deletes with everything in it.
 */
final class TikaSpool implements AutoCloseable {
  private final LazyFolder resources = new LazyFolder();

  /** A stream over {@code data}; close it (or this spool) when done. */
  TikaInputStream open(byte[] data, Metadata metadata) {
    return open(data, metadata, null);
  }

  /**
   * As above, for a document known to be of {@code mediaType}: a DOCX comes with its package open in memory (read
   * through its central directory, each part inflated only when the parser asks for it).
   */
  TikaInputStream open(byte[] data, Metadata metadata, String mediaType) {
    TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(data), resources, metadata);
    if (MediaTypes.DOCX.equals(mediaType)) {
      try {
        OPCPackage docx = OPCPackage.open(new GuardedEntries(ZipFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()));
        OPCPackageWrapper wrapper = new OPCPackageWrapper(docx);
        resources.addResource(docx::revert); // read only: closed without writing anything back
        in.setOpenContainer(wrapper, data.length);
      } catch (IOException | InvalidFormatException | RuntimeException e) {
        // not a readable package: Tika spools it and repairs or refuses it in its own terms
      }
    } else if (isOle2(data)) {
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

  /**
   * The package's parts read through POI's own zip-bomb check (inflate ratio and size of each part, as configured;
   * Tika turns the ratio off), which POI applies to a package it opens from a file and not to one handed over as
   * entries: the same limits either way. {@link PackageScan} has counted every part before.
   */
  private static final class GuardedEntries extends ZipFileZipEntrySource {
    GuardedEntries(ZipFile zip) {
      super(zip);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
      return new ZipArchiveThresholdInputStream(super.getInputStream(entry));
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
