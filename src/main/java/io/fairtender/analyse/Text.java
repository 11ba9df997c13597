package io.fairtender.analyse;

/** A user-facing text in Chinese with its English version. */
public record Text(String zh, String en) {
  public String in(boolean english) {
    return english && en != null && !en.isBlank() ? en : zh;
  }
}
