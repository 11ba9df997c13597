package io.fairtender.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON exports of procurement platforms (announcement lists whose fields hold HTML).
 * The largest array of records becomes one page per record; HTML fields are read as HTML, other text fields as
 * "name: value" lines.
 */
public final class JsonExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TikaExtractor html;

  public JsonExtractor(TikaExtractor html) {
    this.html = html;
  }

  public ExtractedText extract(byte[] data, Deadline deadline) {
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new CheckException(ErrorCode.CORRUPT, "the JSON cannot be parsed"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the JSON cannot be read", e);
    }
    JsonNode records = largestRecordArray(root);
    List<JsonNode> parts = new ArrayList<>();
    if (records != null) {
      records.forEach(parts::add);
    } else {
      parts.add(root);
    }
    List<String> pageTexts = new ArrayList<>();
    for (JsonNode part : parts) {
      deadline.check();
      StringBuilder sb = new StringBuilder();
      appendText(part, "", sb, deadline);
      pageTexts.add(sb.toString().strip());
    }
    StringBuilder text = new StringBuilder();
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < pageTexts.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      int start = text.length();
      text.append(pageTexts.get(i));
      pages.add(new Page(i + 1, start, text.length()));
    }
    if (text.toString().isBlank()) {
      throw new CheckException(ErrorCode.EMPTY, "the JSON holds no text");
    }
    return new ExtractedText(text.toString(), pages, "application/json", false, List.of());
  }

  private void appendText(JsonNode n, String key, StringBuilder sb, Deadline deadline) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        appendText(e.getValue(), e.getKey(), sb, deadline);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        appendText(c, key, sb, deadline);
      }
    } else if (n.isTextual()) {
      String s = n.asText().strip();
      if (s.isEmpty()) {
        return;
      }
      if (looksLikeHtml(s)) {
        try {
          sb.append(html.extract(s.getBytes(StandardCharsets.UTF_8), key + ".html", MediaTypes.HTML, deadline).text().strip()).append('\n');
        } catch (CheckException e) {
          if (e.code() != ErrorCode.EMPTY) {
            throw e;
          }
        }
      } else if (hasHan(s)) {
        sb.append(s.length() > 40 ? s : key + ": " + s).append('\n');
      }
    }
  }

  private static boolean looksLikeHtml(String s) {
    int lt = s.indexOf('<');
    return lt >= 0 && s.indexOf('>', lt) > lt && s.matches("(?s).*</?[a-zA-Z][^>]*>.*");
  }

  private static boolean hasHan(String s) {
    return TextQuality.hanCount(s) > 0;
  }

  /** The array with the most object elements, searched depth first. */
  private static JsonNode largestRecordArray(JsonNode n) {
    JsonNode best = null;
    if (n.isArray() && n.size() > 1 && n.get(0).isObject()) {
      best = n;
    }
    for (JsonNode c : n) {
      JsonNode sub = largestRecordArray(c);
      if (sub != null && (best == null || sub.size() > best.size())) {
        best = sub;
      }
    }
    return best;
  }
}
