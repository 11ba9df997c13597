package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link DetailSanitizer}, {@link HostCheck}, {@link Admission} and {@link RequestIds}. */
class FrontDoorPartsTest {
  @Test
  void detailsLoseTempPathsAndClassNames() {
    String raw = "java.io.IOException: cannot open /tmp/ofd-tmp-123/Doc_0/Content.xml (org.ofdrw.reader.OFDReader) C:\\Temp\\x.ofd";
    String clean = DetailSanitizer.clean(raw);
    assertFalse(clean.contains("/tmp"), clean);
    assertFalse(clean.contains("java.io"), clean);
    assertFalse(clean.contains("org.ofdrw"), clean);
    assertFalse(clean.contains("C:\\"), clean);
    assertTrue(clean.contains("cannot open [path]"), clean);
    assertEquals("asOf must be a date like 2024-07-01, not 'x'", DetailSanitizer.clean("asOf must be a date like 2024-07-01, not 'x'"));
    assertEquals("the Content-Type header cannot be parsed", DetailSanitizer.clean("the Content-Type header cannot be parsed"));
    assertTrue(DetailSanitizer.clean("x".repeat(1000)).length() < 400);
  }

  @Test
  void loopbackServersAcceptOnlyLoopbackHostNames() {
    HostCheck loopback = HostCheck.of("127.0.0.1", List.of());
    assertTrue(loopback.accepts("localhost:8080"));
    assertTrue(loopback.accepts("127.0.0.1"));
    assertTrue(loopback.accepts("[::1]:8080"));
    assertTrue(loopback.accepts(null), "HTTP/1.0 without Host");
    assertFalse(loopback.accepts("attacker.example"));
    assertFalse(loopback.accepts("localhost.attacker.example:8080"));
    assertTrue(HostCheck.of("127.0.0.1", List.of("tender.internal")).accepts("tender.internal:8080"));
    assertTrue(HostCheck.of("127.0.0.1", List.of("*")).accepts("anything"));
    assertTrue(HostCheck.of("0.0.0.0", List.of()).accepts("anything"), "not loopback: no check unless configured");
    assertFalse(HostCheck.of("0.0.0.0", List.of("a.example")).accepts("b.example"));
  }

  @Test
  void admissionRunsQueuesThenRefusesAndHandsSlotsOnInOrder() {
    Admission a = new Admission(1, 2);
    List<String> admitted = new ArrayList<>();
    assertEquals(Admission.Result.ADMITTED, a.enter(() -> admitted.add("first")));
    Runnable second = () -> admitted.add("second");
    Runnable third = () -> admitted.add("third");
    assertEquals(Admission.Result.QUEUED, a.enter(second));
    assertEquals(Admission.Result.QUEUED, a.enter(third));
    assertEquals(Admission.Result.FULL, a.enter(() -> admitted.add("fourth")));
    assertTrue(a.abandon(second), "a waiter that gives up leaves the queue");
    a.leave();
    assertEquals(List.of("third"), admitted);
    assertEquals(1, a.active());
    a.leave();
    assertEquals(0, a.active());
    assertFalse(a.abandon(third), "already admitted");
  }

  @Test
  void requestIdsAreAcceptedOnlyWhenShortAndPlain() {
    assertEquals("abc-123", RequestIds.accept("abc-123"));
    assertTrue(RequestIds.accept("a b").matches("[0-9a-f-]{36}"));
    assertTrue(RequestIds.accept("x".repeat(65)).matches("[0-9a-f-]{36}"));
    assertTrue(RequestIds.accept(null).matches("[0-9a-f-]{36}"));
  }
}
