package io.fairtender.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML templates ({@code src/main/jte}, compiled to classes at build time by jte-maven-plugin, HTML escaping on by
 * default) and the static assets they inline ({@code /web/static}).
 */
public final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "io.fairtender.web.jte");
  private static final Map<String, String> ASSETS = new ConcurrentHashMap<>();

  private Templates() {}

  /** Renders {@code name} (for example {@code report.jte}) with {@code params}. */
  public static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(32_768);
    ENGINE.render(name, params, out);
    return out.toString();
  }

  /** A static asset's text, e.g. {@code report.css}; cached. */
  public static String asset(String name) {
    return ASSETS.computeIfAbsent(name, n -> {
      try (InputStream in = Templates.class.getResourceAsStream("/web/static/" + n)) {
        if (in == null) {
          throw new IllegalArgumentException("no asset " + n);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
