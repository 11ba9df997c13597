package io.fairtender.server.web;

import io.fairtender.ErrorCode;
import io.fairtender.i18n.Messages;
import io.fairtender.report.ReportJson;
import io.fairtender.report.Templates;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workbench page ({@code page.jte}) in one language, with the strings its script needs. */
final class WorkbenchPage {
  private WorkbenchPage() {}

  static String render(Messages m) {
    Map<String, String> strings = new LinkedHashMap<>();
    m.all().forEach((k, v) -> {
      if (k.startsWith("web.") || k.startsWith("mark.") || k.startsWith("stage.")) {
        strings.put(k, v);
      }
    });
    for (ErrorCode c : ErrorCode.values()) {
      strings.put("error." + c.name(), c.title(m.english()));
    }
    return Templates.render("page.jte", Map.of("m", m, "strings", ReportJson.line(strings)));
  }
}
