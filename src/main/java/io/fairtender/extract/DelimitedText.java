package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.xml.sax.SAXException;

/**
 * UTF-8 text holding ASCII delimiters, read by Tika's text-and-CSV parser on its own: it sniffs whether the text is a
 * comma-, tab-, pipe- or semicolon-separated table and gives table rows or plain text, the same events it gives behind
 * Tika's registry for a file detected as text/plain, without loading the registry. The bytes are known to be valid
 * UTF-8, which is the charset the registry's detectors find for them.
 */
final class DelimitedText {
  private static final TextAndCSVParser PARSER = new TextAndCSVParser((in, metadata) -> StandardCharsets.UTF_8);

  private DelimitedText() {}

  static void parse(byte[] utf8, String name, StructuredTextHandler handler) throws SAXException {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    metadata.set(Metadata.CONTENT_TYPE, MediaTypes.TEXT);
    try {
      PARSER.parse(new ByteArrayInputStream(utf8), handler, metadata, new ParseContext());
    } catch (IOException | TikaException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the document cannot be read", e);
    }
  }
}
