package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The byte scan of document.xml finds the anchors the StAX reading finds, and leaves to it what Word does not write. */
class WordBreakScanTest {
  private static final String ROOT = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      + "<w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
      + "xmlns:w=\"" + WordPages.W + "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"wpc\"><w:body>";
  private static final String END = "</w:body></w:document>";

  private static String p(String text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  }

  /** The scan's anchors, asserted equal to the StAX reading's. */
  private static List<String> anchors(String body) throws Exception {
    byte[] xml = (ROOT + body + END).getBytes(StandardCharsets.UTF_8);
    List<String> scanned = WordBreakScan.anchors(new ByteArrayInputStream(xml), 12);
    assertNotNull(scanned, "Word's own markup is read by the scan");
    assertEquals(WordPages.scan(new ByteArrayInputStream(xml)), scanned);
    return scanned;
  }

  @Test
  void eachOfWordsThreeBreakMarkersStartsAPage() throws Exception {
    assertEquals(List.of("第二章 投标人须知"), anchors(p("第一章 招标公告") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        + p("第二章 投标人须知")));
    assertEquals(List.of("第三章"), anchors(p("第一章") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>第三章</w:t></w:r></w:p>"));
    assertEquals(List.of("第四章 评标办法与标准说"), anchors(p("第一章") + "<w:p><w:pPr><w:pageBreakBefore/></w:pPr>"
        + "<w:r><w:t>第四章 评标办法与标准说明</w:t></w:r></w:p>"));
    assertEquals(List.of("第五章"), anchors(p("第一章") + "<w:p><w:pPr><w:pageBreakBefore w:val='1'/></w:pPr>"
        + "<w:r><w:t>第五章</w:t></w:r></w:p>"));
  }

  @Test
  void whatIsNotAPageBreakStartsNoPage() throws Exception {
    assertEquals(List.of(), anchors(p("甲") + "<w:p><w:pPr><w:pageBreakBefore w:val=\"0\"/></w:pPr></w:p>" + p("乙")
        + "<w:p><w:pPr><w:pageBreakBefore w:val=\"false\"/></w:pPr></w:p>" + p("丙")
        + "<w:p><w:r><w:br/><w:br w:type=\"textWrapping\"/><w:tab/></w:r></w:p>" + p("丁")));
  }

  @Test
  void entitiesInTheAnchorAreDecoded() throws Exception {
    assertEquals(List.of("A & B"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p("A &amp; B")));
    assertEquals(List.of("&<条款>"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p("  &amp;&lt;条款&gt;")));
    assertEquals(List.of("中文"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p("&#x20;&#20013;文")));
    assertEquals(List.of("第六章 \"合同\"条款与格"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p("第六章 &quot;合同&quot;条款与格式")));
    assertEquals(List.of("a\nb"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p("a\r\nb")));
  }

  @Test
  void aLongRunIsOneTextEventForTheXmlReaderToo() throws Exception {
    // Woodstox would report a long node in pieces (the JDK's reader too): coalesced, the anchor is the node's start
    assertEquals(List.of("标"), anchors(p("甲") + "<w:br w:type=\"page\"/>" + p(" ".repeat(20_000) + "标")));
  }

  @Test
  void aBreakBeforeAnyTextOrWithoutTextAfterItGivesNoAnchor() throws Exception {
    assertEquals(List.of("第二页"), anchors("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + p("  ") + p("第一页")
        + "<w:p><w:r><w:lastRenderedPageBreak/></w:r></w:p>" + p("第二页")));
    assertEquals(List.of(), anchors(p("只有一页") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + p("   ")));
    // two breaks in a row give one page: the second waits for the same text
    assertEquals(List.of("下一页"), anchors(p("上一页") + "<w:br w:type=\"page\"/><w:lastRenderedPageBreak/>" + p("下一页")));
  }

  @Test
  void textOutsideTextRunsAndEmptyRunsAreNotAnchors() throws Exception {
    assertEquals(List.of("正文"), anchors(p("甲") + "<w:br w:type=\"page\"/><w:p><w:r><w:t/><w:instrText>PAGE</w:instrText>"
        + "<w:tab/><w:t>正文</w:t></w:r></w:p><!-- a > comment --><w:tbl a=\"x>y\"/>"));
  }

  @Test
  void markupWordDoesNotWriteIsLeftToTheXmlReader() throws Exception {
    String other = "<?xml version=\"1.0\"?><x:document xmlns:x=\"" + WordPages.W + "\"><x:body>"
        + "<x:p><x:r><x:t>甲</x:t><x:br x:type=\"page\"/><x:t>乙</x:t></x:r></x:p></x:body></x:document>";
    String defaultNs = "<document xmlns=\"" + WordPages.W + "\"><body><p><r><t>甲</t><br xmlns:w=\"" + WordPages.W
        + "\" w:type=\"page\"/><t>乙</t></r></p></body></document>";
    String rebound = ROOT + p("甲") + "<w:p xmlns:w=\"urn:other\"><w:br w:type=\"page\"/></w:p>" + p("乙") + END;
    String cdata = ROOT + p("甲") + "<w:br w:type=\"page\"/><w:p><w:r><w:t><![CDATA[乙]]></w:t></w:r></w:p>" + END;
    String utf16 = "<?xml version=\"1.0\" encoding=\"GBK\"?>" + ROOT.substring(ROOT.indexOf("<w:document")) + p("甲") + END;
    for (String xml : List.of(other, defaultNs, rebound, cdata, utf16)) {
      assertNull(WordBreakScan.anchors(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 12), xml);
    }
    // WordPages then reads them with StAX, namespace-aware
    assertEquals(List.of("乙"), WordPages.breakAnchors(docx(other.getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of("乙"), WordPages.breakAnchors(docx(defaultNs.getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(), WordPages.breakAnchors(docx(rebound.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aDocumentXmlBeyondTheCapKeepsOnePage() throws Exception {
    // 65 MB of blank paragraphs deflate to a small package; reading stops at the 64 MB cap
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write((ROOT + p("甲") + "<w:br w:type=\"page\"/>" + p("乙")).getBytes(StandardCharsets.UTF_8));
      byte[] filler = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 65; i++) {
        zip.write(filler);
      }
      zip.write(END.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertTrue(bytes.size() < 1 << 20, "a small package: " + bytes.size());
    assertEquals(List.of(new Page(1, 0, 4)), WordPages.pages(bytes.toByteArray(), "甲\n乙\n"));
    // below the cap the same break is found
    assertEquals(2, WordPages.pages(docx((ROOT + p("甲") + "<w:br w:type=\"page\"/>" + p("乙") + END)
        .getBytes(StandardCharsets.UTF_8)), "甲\n乙\n").size());
  }

  @Test
  void everyWordFileOfTheTestDocumentsGivesTheSameAnchorsBothWays() throws Exception {
    int withBreaks = 0;
    int files = 0;
    try (Stream<Path> s = Files.list(TestPaths.project().resolve("test-docs"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".docx")).sorted().toList()) {
        List<String> scanned;
        List<String> read;
        try (ZipFile zip = new ZipFile(p.toFile())) {
          ZipEntry e = zip.getEntry("word/document.xml");
          try (InputStream in = zip.getInputStream(e)) {
            scanned = WordBreakScan.anchors(in, 12);
          }
          try (InputStream in = zip.getInputStream(e)) {
            read = WordPages.scan(in);
          }
        }
        assertNotNull(scanned, p.toString());
        assertEquals(read, scanned, p.toString());
        files++;
        withBreaks += scanned.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(files >= 5, "Word files in test-docs: " + files);
    assertTrue(withBreaks >= 1, "fixtures with page breaks: " + withBreaks);
  }

  private static byte[] docx(byte[] documentXml) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(documentXml);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
