package io.fairtender.cli;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import io.fairtender.report.ReportJson;
import io.fairtender.report.ReportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairtender check FILE...}: checks documents and prints reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "检查一个或多个文件 / Check one or more documents.",
    footer = {"", "Exit codes: 0 no findings, 4 findings, 1 a document could not be checked, 2 usage."})
public final class CheckCommand implements Callable<Integer> {
  enum Format { json, jsonl, text, sarif, html, pdf, docx }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to check (PDF, DOCX, DOC, WPS, RTF, ODT, HTML, TXT).")
  List<Path> files;

  @Option(names = "--format", defaultValue = "json", description = "json (one report, or an array for several files), jsonl (one report per line), text, sarif (SARIF 2.1.0, one run per file), html (a self-contained page) or pdf (the PDF with each finding highlighted and annotated; redirect to a file). docx (the Word file with a comment on each finding; other formats get a DOCX of their text). html, pdf and docx take one file. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Apply the rules in force on this date.")
  LocalDate asOf;

  @Option(names = "--include-text", description = "Include the extracted text in the report.")
  boolean includeText;

  @Option(names = "--lang", defaultValue = "zh", description = "Language of messages: zh or en. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--rules-dir", paramLabel = "DIR", description = "Extra folder of rule files (repeatable).")
  List<Path> ruleDirs = new ArrayList<>();

  @CommandLine.Mixin
  SelectionOptions select = new SelectionOptions();

  @Option(names = "--no-ocr", description = "Do not OCR pages without a text layer (they are reported as unreadable).")
  boolean noOcr;

  @Option(names = "--ocr-workers", paramLabel = "N", description = "Pages of one document read by OCR at once, one Tesseract process each (default: the number of cores; the process never runs more Tesseracts than the cores or N).")
  Integer ocrWorkers;

  @Option(names = "--no-model-findings", description = "Leave out the clause classifier's suggestions.")
  boolean noModelFindings;

  @Option(names = "--models", defaultValue = "required", description = "required (fail when a model cannot load), optional or off. Default: ${DEFAULT-VALUE}.")
  String models;

  @Option(names = "--policy-params", paramLabel = "FILE", description = "YAML overriding SME-policy parameters (e.g. an unconfirmed [U] value).")
  Path policyParams;

  @Option(names = "--time-limit", defaultValue = "120", paramLabel = "SECONDS", description = "Seconds allowed per document; when they run out while pages are read (OCR), the pages read are checked and the rest are listed as not checked (exit code 8). Default: ${DEFAULT-VALUE}.")
  int timeLimitSeconds;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Processing errors that mean a page was not checked. */
  private static final java.util.Set<String> PAGE_NOT_CHECKED = java.util.Set.of("TIME_LIMIT", "NO_TEXT_LAYER",
      "PAGE_TOO_LARGE", "OCR_LIMIT");

  static boolean pagesUnchecked(Report report) {
    return report.processingErrors().stream().anyMatch(e -> e.page() != null && PAGE_NOT_CHECKED.contains(e.code()));
  }

  @Override
  public Integer call() {
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be zh or en");
    }
    if ((format == Format.html || format == Format.pdf || format == Format.docx) && files.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format + " takes one file");
    }
    if (timeLimitSeconds <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit must be a positive number of seconds");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Checker checker = Configuration.checker(CheckerConfig.defaults().withRuleDirs(ruleDirs).withRuleParams(select.ruleParams)
        .withPolicyParams(policyParams).withOcr(!noOcr).withModels(Configuration.models(models))
        .withOcrWorkers(Configuration.ocrWorkers(ocrWorkers)).withTimeLimit(java.time.Duration.ofSeconds(timeLimitSeconds)));
    // the annotated copy of a non-PDF document is drawn from the extracted text
    CheckOptions options = new CheckOptions(asOf, includeText || format == Format.pdf || format == Format.docx, lang.equals("en"),
        select.selection(), !noModelFindings);
    boolean anyError = false;
    boolean anyFinding = false;
    boolean anyUnchecked = false;
    List<Object> results = new ArrayList<>();
    for (Path file : files) {
      Object result;
      try {
        Report report = checker.check(read(file), options);
        anyFinding |= !report.findings().isEmpty();
        anyUnchecked |= pagesUnchecked(report);
        result = report;
        if (format == Format.text) {
          out.print(ReportText.render(report));
        } else if (format == Format.html) {
          out.print(io.fairtender.report.ReportHtml.render(report, lang.equals("en")));
        } else if (format == Format.pdf) {
          boolean en = lang.equals("en");
          byte[] annotated = "application/pdf".equals(report.document().mediaType())
              ? io.fairtender.report.PdfAnnotator.annotate(java.nio.file.Files.readAllBytes(file), report, en)
              : io.fairtender.report.TextPdfRenderer.render(report, en, new java.util.ArrayList<>());
          out.flush();
          System.out.write(annotated);
          System.out.flush();
        } else if (format == Format.docx) {
          boolean en = lang.equals("en");
          byte[] annotated = io.fairtender.extract.MediaTypes.DOCX.equals(report.document().mediaType())
              ? io.fairtender.report.DocxAnnotator.annotate(java.nio.file.Files.readAllBytes(file), report, en)
              : io.fairtender.report.DocxAnnotator.fromText(report, en);
          out.flush();
          System.out.write(annotated);
          System.out.flush();
        }
      } catch (CheckException e) {
        if (e.code() == io.fairtender.ErrorCode.BAD_REQUEST && e.getMessage().startsWith("unknown ")) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        anyError = true;
        err.println("fairtender: " + file + ": " + e.code() + ": " + e.getMessage());
        result = failure(file, e.code().name(), e.getMessage());
      } catch (java.io.IOException e) {
        anyError = true;
        err.println("fairtender: " + file + ": " + e.getMessage());
        result = failure(file, "BAD_REQUEST", e.getMessage());
      } catch (RuntimeException e) {
        anyError = true;
        org.slf4j.LoggerFactory.getLogger(CheckCommand.class).debug("internal error on {}", file, e);
        err.println("fairtender: " + file + ": INTERNAL: " + ConfigurationError.reason(e));
        result = failure(file, "INTERNAL", "internal error");
      }
      if (format == Format.jsonl) {
        out.println(ReportJson.line(result));
        out.flush();
      } else {
        results.add(result);
      }
    }
    if (format == Format.json) {
      out.println(ReportJson.pretty(results.size() == 1 ? results.get(0) : results));
    } else if (format == Format.sarif) {
      List<Report> reports = results.stream().filter(Report.class::isInstance).map(Report.class::cast).toList();
      out.println(ReportJson.pretty(io.fairtender.report.ReportSarif.render(reports, checker.rules(), lang.equals("en"))));
    }
    out.flush();
    return anyError ? Main.EXIT_ERROR : anyUnchecked ? Main.EXIT_PAGES_UNCHECKED : anyFinding ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
  }

  private static DocumentInput read(Path file) {
    try {
      return DocumentInput.of(file);
    } catch (NoSuchFileException e) {
      throw new CheckException(io.fairtender.ErrorCode.BAD_REQUEST, "no such file");
    } catch (IOException e) {
      throw new CheckException(io.fairtender.ErrorCode.BAD_REQUEST, "cannot read the file: " + e.getMessage());
    }
  }

  /** What a jsonl line says for a document that could not be checked. */
  private static Map<String, Object> failure(Path file, String code, String message) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", file.getFileName().toString());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formatVersion", Report.FORMAT_VERSION);
    m.put("document", doc);
    m.put("error", error);
    return m;
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
