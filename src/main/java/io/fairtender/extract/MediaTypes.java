package io.fairtender.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Media types the checker reads, and how file names map to them. */
public final class MediaTypes {
  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String DOC = "application/msword";
  public static final String RTF = "application/rtf";
  public static final String ODT = "application/vnd.oasis.opendocument.text";
  public static final String HTML = "text/html";
  public static final String XHTML = "application/xhtml+xml";
  public static final String TEXT = "text/plain";
  public static final String WPS = "application/vnd.ms-works";
  public static final String KSWPS = "application/x-tika-msoffice";

  /** Formats read through Tika. */
  public static final Set<String> TIKA_TYPES = Set.of(DOCX, DOC, RTF, ODT, HTML, XHTML, TEXT, WPS, KSWPS,
      "application/x-tika-ooxml", "text/rtf", "application/vnd.wordperfect");

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("pdf", PDF), Map.entry("docx", DOCX), Map.entry("doc", DOC), Map.entry("wps", DOC),
      Map.entry("rtf", RTF), Map.entry("odt", ODT), Map.entry("html", HTML), Map.entry("htm", HTML),
      Map.entry("xhtml", XHTML), Map.entry("txt", TEXT), Map.entry("text", TEXT));

  private MediaTypes() {}

  /** The media type a file name suggests, or null. */
  public static String fromFileName(String name) {
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0 || dot == name.length() - 1) {
      return null;
    }
    return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Strips parameters ({@code ; charset=...}) and lower-cases. */
  public static String base(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    int semi = mediaType.indexOf(';');
    String base = semi < 0 ? mediaType : mediaType.substring(0, semi);
    base = base.trim().toLowerCase(Locale.ROOT);
    return base.isEmpty() ? null : base;
  }

  public static boolean isSupported(String mediaType) {
    return PDF.equals(mediaType) || TIKA_TYPES.contains(mediaType);
  }
}
