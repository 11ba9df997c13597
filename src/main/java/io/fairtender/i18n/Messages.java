package io.fairtender.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user-facing strings of the page, the HTML report and the SME-policy verdicts, from the UTF-8 bundles
 * {@code i18n/messages_zh.properties} and {@code i18n/messages_en.properties}. Placeholders are {@code {0}}, {@code {1}}
 * ... and nothing else is special (no MessageFormat quoting).
 */
public final class Messages {
  private static final Messages ZH = load("zh");
  private static final Messages EN = load("en");
  private final String lang;
  private final Map<String, String> strings;

  private Messages(String lang, Map<String, String> strings) {
    this.lang = lang;
    this.strings = Collections.unmodifiableMap(strings);
  }

  public static Messages of(boolean english) {
    return english ? EN : ZH;
  }

  public static Messages of(String lang) {
    return "en".equals(lang) ? EN : ZH;
  }

  /** zh or en. */
  public String lang() {
    return lang;
  }

  public boolean english() {
    return lang.equals("en");
  }

  /** Every key and its text, sorted (the page's script takes its strings from here). */
  public Map<String, String> all() {
    return strings;
  }

  public boolean has(String key) {
    return strings.containsKey(key);
  }

  /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}; a missing key is a bug and throws. */
  public String get(String key, Object... args) {
    String s = strings.get(key);
    if (s == null) {
      throw new MissingResourceException("no message " + key + " in " + lang, "messages_" + lang, key);
    }
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /** {@code key} when present, otherwise {@code fallback}. */
  public String getOr(String key, String fallback) {
    return strings.getOrDefault(key, fallback);
  }

  /** A phrase in this language; null for null. */
  public String render(Phrase p) {
    if (p == null) {
      return null;
    }
    Object[] args = new Object[p.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = arg(p.args().get(i));
    }
    return get(p.key(), args);
  }

  private String arg(Phrase.Arg a) {
    Object v = a.value();
    return switch (a.type()) {
      case "money" -> money(((Number) v).doubleValue());
      case "percent" -> percent(v == null ? null : ((Number) v).doubleValue());
      case "number" -> String.valueOf(((Number) v).longValue());
      case "term" -> getOr("term." + v, String.valueOf(v));
      case "phrase" -> render((Phrase) v);
      case "list" -> {
        List<String> parts = new ArrayList<>();
        for (Object o : (List<?>) v) {
          parts.add(render((Phrase) o));
        }
        yield String.join(get("list.separator"), parts);
      }
      default -> String.valueOf(v);
    };
  }

  /** An amount of yuan: 200万元 / CNY 2,000,000. */
  public String money(double yuan) {
    if (english()) {
      return String.format(Locale.ROOT, "CNY %,.0f", yuan);
    }
    return yuan >= 1e4 && yuan % 1e4 == 0 ? String.format(Locale.ROOT, "%d万元", (long) (yuan / 1e4))
        : String.format(Locale.ROOT, "%.0f元", yuan);
  }

  /** A ratio as a percentage: 0.1 → 10%, 0.025 → 2.5%. */
  public static String percent(Double ratio) {
    if (ratio == null) {
      return "?";
    }
    double v = ratio * 100;
    return (Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.1f", v)) + "%";
  }

  private static Messages load(String lang) {
    String path = "/i18n/messages_" + lang + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> m = new TreeMap<>();
      for (String k : p.stringPropertyNames()) {
        m.put(k, p.getProperty(k));
      }
      return new Messages(lang, m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
