package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.PrivateTempDir;
import io.fairtender.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OFD packages: entry names that leave the package are refused before anything is written; no folder is left. */
class OfdExtractorTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();
  private final OfdExtractor ofd = new OfdExtractor(100);

  private static Map<String, byte[]> goodEntries() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] data = Files.readAllBytes(TestPaths.project().resolve("test-docs").resolve("03-announcement.ofd"));
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        out.put(e.getName(), z.readAllBytes());
      }
    }
    return out;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    return io.fairtender.ZipPackageTest.zip(entries);
  }

  @Test
  void aGoodOfdIsReadAndItsFolderRemoved() throws IOException {
    ExtractedText t = ofd.extract(zip(goodEntries()), Deadline.none());
    assertTrue(t.text().contains("投标"), t.text());
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void zipSlipEntryIsRefusedAndNothingIsWrittenOutsideOrLeftBehind() throws IOException {
    String marker = "slip-" + UUID.randomUUID();
    Path sub = temp.dir().resolve("a");
    io.fairtender.TempFiles.setBase(sub); // so that ../../marker would land in the private folder, not on the host
    for (String bad : List.of("../../" + marker, "Doc_0/../../../" + marker, "/" + temp.dir().resolve(marker).toString().substring(1),
        "..\\..\\" + marker, "C:/" + marker, "Doc_0/x\u0000y")) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put(bad, "pwned".getBytes(StandardCharsets.UTF_8));
      entries.putAll(goodEntries());
      CheckException e = assertThrows(CheckException.class, () -> ofd.extract(zip(entries), Deadline.none()), bad);
      assertEquals(ErrorCode.CORRUPT, e.code(), bad);
      assertFalse(e.getMessage().contains(marker), "the message does not echo the path: " + e.getMessage());
      assertFalse(Files.exists(temp.dir().resolve(marker)), bad);
      assertEquals(List.of("a"), temp.leftovers(), bad);
    }
  }

  @Test
  void brokenOfdsLeaveNoFolderAndNoPathInTheMessage() throws IOException {
    Map<String, byte[]> noDocument = goodEntries();
    noDocument.keySet().removeIf(n -> n.startsWith("Doc_0/"));
    Map<String, byte[]> truncatedRoot = goodEntries();
    byte[] root = truncatedRoot.get("OFD.xml");
    truncatedRoot.put("OFD.xml", java.util.Arrays.copyOf(root, root.length / 2));
    Map<String, byte[]> noContent = goodEntries();
    noContent.keySet().removeIf(n -> n.endsWith("Content.xml"));
    byte[] whole = zip(goodEntries());
    for (byte[] bad : List.of(zip(noDocument), zip(truncatedRoot), zip(noContent), java.util.Arrays.copyOf(whole, whole.length / 2))) {
      CheckException e = assertThrows(CheckException.class, () -> ofd.extract(bad, Deadline.none()));
      assertTrue(e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.NO_TEXT_LAYER || e.code() == ErrorCode.EMPTY, e.code().name());
      assertFalse(e.getMessage().contains(temp.dir().toString()) || e.getMessage().contains("/tmp"), e.getMessage());
      assertFalse(e.getMessage().matches(".*\\b(java|org)\\.[a-z]+\\..*"), e.getMessage());
      assertEquals(List.of(), temp.leftovers());
    }
  }

  @Test
  void entryNamesAreCheckedSegmentBySegment() {
    assertTrue(OfdUnpacker.isSafeName("Doc_0/Pages/Page_0/Content.xml"));
    assertTrue(OfdUnpacker.isSafeName("Doc_0/Res/a..b.png"));
    for (String bad : List.of("../x", "a/../../x", "/etc/x", "\\x", "a\\..\\x", "C:x", "c:/x", "a/./b", "a\u0000b", "")) {
      assertFalse(OfdUnpacker.isSafeName(bad), bad);
    }
  }
}
