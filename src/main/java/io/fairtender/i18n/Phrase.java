package io.fairtender.i18n;

import java.util.List;

/**
 * A user-facing phrase as a message key and typed arguments, so that any language can be rendered from the same
 * verdict ({@link Messages#render(Phrase)}). Used for the SME-policy verdicts' expected and found values and notes.
 *
 * @param key the message key (see {@code i18n/messages_zh.properties})
 * @param args the arguments, in the key's {@code {0}}, {@code {1}} ... order
 */
public record Phrase(String key, List<Arg> args) {

  public Phrase {
    args = List.copyOf(args);
  }

  public static Phrase of(String key, Arg... args) {
    return new Phrase(key, List.of(args));
  }

  /**
   * One argument.
   *
   * @param type money (yuan, a number), percent (a ratio: 0.1 = 10%), number, date (ISO), term (a key suffix under
   *     {@code term.}), phrase (a nested phrase) or list (phrases joined)
   * @param value the value
   */
  public record Arg(String type, Object value) {}

  public static Arg money(double yuan) {
    return new Arg("money", yuan);
  }

  public static Arg percent(Double ratio) {
    return new Arg("percent", ratio);
  }

  public static Arg number(long n) {
    return new Arg("number", n);
  }

  public static Arg date(Object isoDate) {
    return new Arg("date", String.valueOf(isoDate));
  }

  public static Arg term(String suffix) {
    return new Arg("term", suffix);
  }

  public static Arg phrase(Phrase p) {
    return new Arg("phrase", p);
  }

  public static Arg list(List<Phrase> items) {
    return new Arg("list", List.copyOf(items));
  }
}
