package io.fairtender.extract;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A document's resource cache that keeps its fonts from page to page. PDFBox's text stripper evicts each page's fonts
 * when the page is done and, for a font used by every page (the usual case), parses it again on the next ones (its
 * ToUnicode map, CID widths) until it has been evicted three times. Fonts are held, as PDFBox holds every cached
 * resource, by soft reference: the collector still reclaims them when memory runs short.
 */
final class DocumentFontCache extends DefaultResourceCache {
  @Override
  public PDFont removeFont(COSObject indirect) {
    return null; // kept for the document's other pages
  }
}
