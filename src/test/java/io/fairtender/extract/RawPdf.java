package io.fairtender.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a PDF from object bodies as written (object i+1 is {@code bodies.get(i)}), with a correct xref table. */
final class RawPdf {
  private RawPdf() {}

  static byte[] build(List<String> bodies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.7\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + bodies.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder x = new StringBuilder("xref\n0 " + (bodies.size() + 1) + "\n0000000000 65535 f \n");
    for (int off : offsets) {
      x.append(String.format("%010d 00000 n \n", off));
    }
    x.append("trailer\n<< /Size ").append(bodies.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    write(out, x.toString());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
