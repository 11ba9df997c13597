package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads text PDFs page by page with PDFBox, keeping a page table. */
public final class PdfExtractor {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PdfExtractor.class);
  private final int maxPages;
  private final Ocr ocr;
  private final int maxOcrPages;
  private final int maxChars;

  public PdfExtractor(int maxPages, Ocr ocr) {
    this(maxPages, ocr, 50);
  }

  /** Reads at most {@code maxOcrPages} pages of a document by OCR. */
  public PdfExtractor(int maxPages, Ocr ocr, int maxOcrPages) {
    this(maxPages, ocr, maxOcrPages, Integer.MAX_VALUE);
  }

  /** As above, refusing a PDF whose text layer holds more than {@code maxChars} chars (checked page by page). */
  public PdfExtractor(int maxPages, Ocr ocr, int maxOcrPages, int maxChars) {
    this.maxPages = maxPages;
    this.ocr = ocr;
    this.maxOcrPages = maxOcrPages;
    this.maxChars = maxChars;
  }

  public ExtractedText extract(byte[] data, Deadline deadline) {
    return extract(data, deadline, io.fairtender.Progress.NONE);
  }

  /** As above, telling {@code progress} of each page read from the text layer and by OCR. */
  public ExtractedText extract(byte[] data, Deadline deadline, io.fairtender.Progress progress) {
    try (PDDocument doc = load(data)) {
      int pageCount = doc.getNumberOfPages();
      if (pageCount == 0) {
        throw new CheckException(ErrorCode.EMPTY, "the PDF has no pages");
      }
      if (pageCount > maxPages) {
        throw new CheckException(ErrorCode.TOO_LARGE,
            "the PDF has " + pageCount + " pages; the limit is " + maxPages);
      }
      PageStripper stripper = new PageStripper(deadline, pageCount, false);
      stripper.maxChars = maxChars;
      stripper.progress = progress;
      StringWriter sink = new StringWriter();
      java.util.Set<Integer> unread = new java.util.TreeSet<>(); // pages the time limit left unread (1-based)
      try {
        stripper.writeText(doc, sink);
      } catch (ReadingStopped e) {
        for (int p = e.page; p <= pageCount; p++) {
          unread.add(p);
        }
      }
      List<String> texts = new ArrayList<>(stripper.pageTexts);
      java.util.Set<Integer> ocrPages = new java.util.TreeSet<>();
      List<ExtractionWarning> ocrWarnings = new ArrayList<>();
      java.util.Map<Integer, Ocr.PageText> ocrBoxes = new java.util.HashMap<>();
      if (ocr != null && ocr.available()) {
        readByOcr(doc, stripper.unmappedPages, texts, ocrPages, ocrWarnings, deadline, ocrBoxes, unread, progress);
      }
      if (!ocrBoxes.isEmpty()) {
        OcrCache.put(data, ocrBoxes); // the annotated copy places its highlights on these boxes instead of reading again
      }
      java.util.Set<Integer> unmapped = new java.util.HashSet<>(stripper.unmappedPages);
      unmapped.removeAll(ocrPages);
      if (unread.size() == pageCount) {
        throw new CheckException(ErrorCode.TIME_LIMIT, "the time limit was reached before any page could be read");
      }
      ExtractedText t;
      try {
        t = assemble(texts, unmapped, ocrPages, unread);
      } catch (CheckException e) {
        if (e.code() == ErrorCode.NO_TEXT_LAYER && !unread.isEmpty()) {
          throw new CheckException(ErrorCode.TIME_LIMIT, "the time limit was reached before a page with text could be read");
        }
        if (e.code() == ErrorCode.NO_TEXT_LAYER && !ocrWarnings.isEmpty()) {
          throw new CheckException(ErrorCode.NO_TEXT_LAYER, "no page has a usable text layer; pages without one were not read by OCR: "
              + ocrWarnings.stream().map(ExtractionWarning::detail).distinct().collect(java.util.stream.Collectors.joining("; ")));
        }
        throw e;
      }
      List<ExtractionWarning> timeLimit = unreadRanges(unread);
      if (ocrWarnings.isEmpty() && timeLimit.isEmpty()) {
        return t;
      }
      List<ExtractionWarning> warnings = new ArrayList<>(t.warnings());
      warnings.addAll(ocrWarnings);
      warnings.addAll(timeLimit);
      warnings.sort(java.util.Comparator.comparing(w -> w.page() == null ? Integer.MAX_VALUE : w.page()));
      return new ExtractedText(t.text(), t.pages(), t.mediaType(), t.layoutText(), warnings);
    } catch (InvalidPasswordException e) {
      throw new CheckException(ErrorCode.ENCRYPTED, "the PDF needs a password to open", e);
    } catch (IOException e) {
      LOG.debug("PDF not readable: {}", e.toString());
      throw new CheckException(ErrorCode.CORRUPT, "the PDF cannot be read (damaged or malformed)", e);
    } catch (CheckException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // a page tree with a cycle, or nested deeper than the stack, fails inside PDFBox's page access
      LOG.debug("PDF structure not readable: {}", e.toString());
      throw new CheckException(ErrorCode.CORRUPT, "the PDF's structure is broken (page tree loops or is nested too deeply)");
    }
  }

  /**
   * Replaces the text of unreadable pages by OCR: blank pages are skipped without rendering, a page holding an image
   * beyond the pixel budget is reported instead of rendered, and at most {@code maxOcrPages} pages are read. The pages
   * to read are chosen first (one thread, in page order), then read by {@link Ocr#readAll} with its workers; the texts
   * go back to their pages in order.
   */
  private void readByOcr(PDDocument doc, java.util.Set<Integer> unmappedPages, List<String> texts, java.util.Set<Integer> ocrPages,
      List<ExtractionWarning> warnings, Deadline deadline, java.util.Map<Integer, Ocr.PageText> boxes,
      java.util.Set<Integer> unread, io.fairtender.Progress progress) throws IOException {
    int notRead = 0;
    int firstNotRead = 0;
    List<Integer> toRead = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (unread.contains(i + 1)) {
        continue; // the text layer was not read in time: nor is the page read by OCR
      }
      // a tender page without a single Han character is a scan or an unmapped font more often than not
      boolean unreadable = unmappedPages.contains(i + 1) || !TextQuality.isUsable(texts.get(i))
          || !TextQuality.hasHan(texts.get(i), 1);
      if (!unreadable) {
        continue;
      }
      deadline.check();
      PageInspector.Kind kind = PageInspector.inspect(doc.getPage(i), ocr.maxPagePixels());
      if (kind == PageInspector.Kind.BLANK) {
        continue;
      }
      if (kind == PageInspector.Kind.TOO_LARGE) {
        warnings.add(new ExtractionWarning("PAGE_TOO_LARGE", i + 1, null,
            "page " + (i + 1) + " holds an image larger than the OCR pixel budget (" + ocr.maxPagePixels() + " pixels)"));
        continue;
      }
      if (toRead.size() >= maxOcrPages) {
        if (notRead++ == 0) {
          firstNotRead = i + 1;
        }
        continue;
      }
      toRead.add(i);
    }
    java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    int toReadCount = toRead.size();
    for (Ocr.PageOutcome o : ocr.readAll(doc, toRead, deadline, () -> {
      int n = read.incrementAndGet();
      progress.update(io.fairtender.Progress.Stage.OCR, n, toReadCount, n);
    })) {
      int i = o.pageIndex();
      if (o.timedOut()) {
        unread.add(i + 1);
        continue;
      }
      if (o.text() == null) {
        warnings.add(new ExtractionWarning("PAGE_TOO_LARGE", i + 1, null, "page " + (i + 1) + " is too large to render for OCR"));
        continue;
      }
      String text = o.text().text();
      if (TextQuality.isUsable(text)) {
        texts.set(i, text);
        ocrPages.add(i + 1);
        boxes.put(i + 1, o.text());
      }
    }
    if (notRead > 0) {
      warnings.add(new ExtractionWarning("OCR_LIMIT", firstNotRead, null,
          notRead + " more pages without a text layer were not read (OCR limit " + maxOcrPages + " pages)"));
    }
  }

  /** The document, with a resource cache that keeps its fonts for all its pages ({@link DocumentFontCache}). */
  static PDDocument load(byte[] data) throws IOException {
    PDDocument doc = Loader.loadPDF(data);
    doc.setResourceCache(new DocumentFontCache());
    return doc;
  }

  /** Joins page texts with line breaks and records which pages had no usable text. */
  static ExtractedText assemble(List<String> pageTexts, java.util.Set<Integer> unmappedPages) {
    return assemble(pageTexts, unmappedPages, java.util.Set.of());
  }

  static ExtractedText assemble(List<String> pageTexts, java.util.Set<Integer> unmappedPages, java.util.Set<Integer> ocrPages) {
    return assemble(pageTexts, unmappedPages, ocrPages, java.util.Set.of());
  }

  /** As above; {@code unread} pages (not read within the time limit) are left empty without a warning of their own. */
  static ExtractedText assemble(List<String> pageTexts, java.util.Set<Integer> unmappedPages, java.util.Set<Integer> ocrPages,
      java.util.Set<Integer> unread) {
    StringBuilder text = new StringBuilder();
    List<Page> pages = new ArrayList<>(pageTexts.size());
    List<ExtractionWarning> warnings = new ArrayList<>();
    int unreadable = 0;
    for (int i = 0; i < pageTexts.size(); i++) {
      String raw = pageTexts.get(i);
      boolean usable = !unmappedPages.contains(i + 1) && TextQuality.isUsable(raw);
      String pageText = usable ? stripTrailingNewlines(raw) : "";
      if (unread.contains(i + 1)) {
        unreadable++;
        pageText = "";
      } else if (pageText.isBlank()) {
        unreadable++;
        warnings.add(new ExtractionWarning(raw.isBlank() ? "NO_TEXT_LAYER" : "UNMAPPED_FONT",
            i + 1, null, raw.isBlank() ? "no text layer" : "fonts without a text mapping"));
        pageText = "";
      }
      if (i > 0) {
        text.append('\n');
      }
      int start = text.length();
      text.append(pageText);
      pages.add(new Page(i + 1, start, text.length(), null, true, ocrPages.contains(i + 1)));
    }
    if (unreadable == pageTexts.size() || !TextQuality.hasHan(text, 20)) {
      throw new CheckException(ErrorCode.NO_TEXT_LAYER,
          "none of the " + pageTexts.size() + " pages has a usable text layer (scanned, or fonts without a text mapping)"
              + "; OCR found no Chinese text either, or is not installed (tesseract-ocr, tesseract-ocr-chi-sim)");
    }
    return new ExtractedText(text.toString(), pages, MediaTypes.PDF, true, warnings);
  }

  /** One TIME_LIMIT warning per run of consecutive unread pages; the detail is "first-last". */
  static List<ExtractionWarning> unreadRanges(java.util.Set<Integer> unread) {
    List<ExtractionWarning> out = new ArrayList<>();
    Integer first = null;
    int last = -1;
    for (int p : new java.util.TreeSet<>(unread)) {
      if (first != null && p == last + 1) {
        last = p;
        continue;
      }
      if (first != null) {
        out.add(new ExtractionWarning("TIME_LIMIT", first, null, first + "-" + last));
      }
      first = p;
      last = p;
    }
    if (first != null) {
      out.add(new ExtractionWarning("TIME_LIMIT", first, null, first + "-" + last));
    }
    return out;
  }

  /** Thrown by the stripper when the time for reading pages is over; pages from {@code page} on are not read. */
  private static final class ReadingStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int page;

    ReadingStopped(int page) {
      super(null, null, false, false);
      this.page = page;
    }
  }

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * The glyph boxes behind each char of each page's text, from the same stripper settings as extraction, so that a
   * finding's offsets locate its glyphs on the page (for the annotated copy). Index: page, then char of the page text.
   */
  public static List<PageGlyphs> glyphs(PDDocument doc) throws IOException {
    PageStripper stripper = new PageStripper(Deadline.none(), doc.getNumberOfPages(), true);
    stripper.writeText(doc, new StringWriter());
    List<PageGlyphs> out = new ArrayList<>();
    for (int i = 0; i < doc.getNumberOfPages(); i++) {
      out.add(new PageGlyphs(stripper.pageTexts.get(i), stripper.pageGlyphs.get(i)));
    }
    return out;
  }

  /**
   * A page's text as the stripper wrote it, and the glyph behind each char (null for separators).
   *
   * @param text the page text
   * @param glyphs one entry per UTF-16 char of {@code text}
   */
  public record PageGlyphs(String text, List<TextPosition> glyphs) {}

  /** The layout settings of extraction, on any PDFBox stripper (tests compare with PDFBox's own). */
  static void configure(PDFTextStripper stripper) {
    stripper.setSortByPosition(true);
    stripper.setLineSeparator("\n");
    stripper.setParagraphEnd("");
    // in Chinese text a wide positional gap is a column gap, not a word break; narrow ones are justification
    stripper.setWordSeparator("\t");
    stripper.setSpacingTolerance(2.5f);
    stripper.setAverageCharTolerance(1.5f);
  }

  /** Cuts the stripper's output at each page end; optionally records the glyph behind every output char. */
  private static final class PageStripper extends PDFTextStripper {
    private final Deadline deadline;
    private final List<String> pageTexts;
    private final java.util.Set<Integer> unmappedPages = new java.util.HashSet<>();
    private int glyphs;
    private int unmapped;

    private final boolean recordGlyphs;
    private long chars;
    private int maxChars = Integer.MAX_VALUE;
    private io.fairtender.Progress progress = io.fairtender.Progress.NONE;
    private final List<List<TextPosition>> pageGlyphs;
    private List<TextPosition> current = new ArrayList<>();
    private final RepeatedGlyphs repeated = new RepeatedGlyphs();
    /** Per open marked-content sequence, whether it carries an /ActualText (PDFBox then keeps every glyph). */
    private final java.util.ArrayDeque<Boolean> actualText = new java.util.ArrayDeque<>();
    private boolean inActualText;

    /** Pages without a content stream are never visited, so every page starts out empty. */
    PageStripper(Deadline deadline, int pageCount, boolean recordGlyphs) throws IOException {
      this.deadline = deadline;
      this.pageTexts = new ArrayList<>(java.util.Collections.nCopies(pageCount, ""));
      this.recordGlyphs = recordGlyphs;
      this.pageGlyphs = new ArrayList<>(java.util.Collections.nCopies(pageCount, List.<TextPosition>of()));
      configure(this);
      // the same test as PDFBox's, answered by RepeatedGlyphs in processTextPosition without boxing every coordinate
      setSuppressDuplicateOverlappingText(false);
    }

    @Override
    public void beginMarkedContentSequence(org.apache.pdfbox.cos.COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
      inActualText = org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent.create(tag, properties)
          .getActualText() != null;
      actualText.push(inActualText);
      super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
      if (!actualText.isEmpty() && actualText.pop()) {
        inActualText = false;
      }
      super.endMarkedContentSequence();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      if (recordGlyphs) {
        output.flush();
        int at = ((StringWriter) output).getBuffer().length();
        while (current.size() < at) {
          current.add(null); // separators written by the stripper have no glyph
        }
        for (int i = 0; i < text.length(); i++) {
          current.add(i < positions.size() && text.length() == positions.size() ? positions.get(i)
              : positions.isEmpty() ? null : positions.get(Math.min(positions.size() - 1, i * positions.size() / text.length())));
        }
      }
      super.writeString(text, positions);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
      deadline.check();
      if (getCurrentPageNo() > 1 && deadline.readingOver()) {
        throw new ReadingStopped(getCurrentPageNo()); // the pages read so far are analysed; the rest are listed
      }
      current = new ArrayList<>();
      glyphs = 0;
      unmapped = 0;
      repeated.clear();
      super.startPage(page);
    }

    /** Counts glyphs whose font gives no Unicode mapping (no ToUnicode map, symbolic CID fonts). */
    @Override
    protected void processTextPosition(TextPosition text) {
      String u = text.getUnicode();
      if (u == null || u.isEmpty() || !Character.isWhitespace(u.charAt(0))) { // spaces say nothing about the mapping
        glyphs++;
        if (u == null || u.isEmpty() || u.charAt(0) == '\ufffd' || u.charAt(0) < 0x20 || (u.charAt(0) >= 0xe000 && u.charAt(0) <= 0xf8ff)) {
          unmapped++;
        }
      }
      if (!inActualText && repeated.repeat(u, text.getX(), text.getY(), text.getWidth())) {
        return; // drawn again over itself
      }
      super.processTextPosition(text);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      super.endPage(page);
      if (glyphs >= 20 && unmapped > glyphs * 0.3) {
        unmappedPages.add(getCurrentPageNo());
      }
      output.flush();
      StringWriter w = (StringWriter) output;
      pageTexts.set(getCurrentPageNo() - 1, w.toString());
      chars += w.getBuffer().length();
      if (chars > maxChars) {
        throw new CheckException(ErrorCode.TOO_LARGE, "the PDF has more than " + maxChars + " characters of text");
      }
      if (recordGlyphs) {
        pageGlyphs.set(getCurrentPageNo() - 1, current);
        current = new ArrayList<>();
      }
      w.getBuffer().setLength(0);
      progress.update(io.fairtender.Progress.Stage.EXTRACT, getCurrentPageNo(), pageTexts.size(), 0);
    }
  }
}
