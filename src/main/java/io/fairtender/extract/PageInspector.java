package io.fairtender.extract;

import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Looks at a PDF page before it is rendered for OCR, without decoding anything: is anything drawn on it at all, and
 * does it hold an image larger than the pixel budget (a 30000×30000 image decodes to gigabytes).
 */
final class PageInspector {
  /** What a page holds, as far as OCR is concerned. */
  enum Kind { BLANK, TOO_LARGE, DRAWN }

  /** Operators that put marks on the page: painting paths, shadings, text, images and forms. */
  private static final Set<String> INK = Set.of("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Tj", "TJ", "'", "\"",
      "Do", "BI", "ID", "EI");
  private static final int MAX_FORM_DEPTH = 8;

  private PageInspector() {}

  static Kind inspect(PDPage page, long maxImagePixels) throws IOException {
    if (largestImage(page.getResources(), 0) > maxImagePixels) {
      return Kind.TOO_LARGE;
    }
    return hasInk(page) ? Kind.DRAWN : Kind.BLANK;
  }

  private static boolean hasInk(PDPage page) throws IOException {
    if (!page.hasContents()) {
      return false;
    }
    PDFStreamParser parser = new PDFStreamParser(page);
    Object token;
    while ((token = parser.parseNextToken()) != null) {
      if (token instanceof Operator op && INK.contains(op.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Pixels of the largest image in the resources, looking into forms to a fixed depth (forms can nest in a loop). */
  private static long largestImage(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > MAX_FORM_DEPTH) {
      return 0;
    }
    long max = 0;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject img) {
        max = Math.max(max, (long) img.getWidth() * img.getHeight());
      } else if (x instanceof PDFormXObject form) {
        max = Math.max(max, largestImage(form.getResources(), depth + 1));
      }
    }
    return max;
  }
}
