package io.fairtender.cli;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.analyse.Rule;
import io.fairtender.report.ReportJson;
import io.fairtender.report.RuleView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fairtender rules}: lists the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "列出检查规则 / List the rules.")
public final class RulesCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--rules-dir", paramLabel = "DIR", description = "Extra folder of rule files (repeatable).")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--lang", defaultValue = "zh", description = "zh or en. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--docs", paramLabel = "DIR", description = "Write one Markdown page per rule, and README.md, into DIR.")
  Path docs;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules = Checker.create(CheckerConfig.defaults().withRuleDirs(ruleDirs)).rules().rules();
    if (docs != null) {
      java.nio.file.Files.createDirectories(docs);
      for (Rule r : rules) {
        java.nio.file.Files.writeString(docs.resolve(r.id() + ".md"), io.fairtender.report.RuleDoc.markdown(r));
      }
      java.nio.file.Files.writeString(docs.resolve("README.md"), io.fairtender.report.RuleDoc.index(rules));
      out.println("wrote " + rules.size() + " rule pages to " + docs);
      out.flush();
      return Main.EXIT_CLEAN;
    }
    boolean en = lang.equals("en");
    if (format.equals("json")) {
      out.println(ReportJson.pretty(rules.stream().map(r -> RuleView.of(r, en)).toList()));
    } else {
      for (Rule r : rules) {
        out.printf("%-22s %-10s %-9s %s%n", r.id(), r.category().id(), r.severity().id(), r.title().in(en));
      }
    }
    out.flush();
    return Main.EXIT_CLEAN;
  }
}
