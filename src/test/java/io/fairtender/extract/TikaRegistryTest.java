package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An interrupt while Tika loads stops only the waiting check, never Tika for the rest of the process. */
class TikaRegistryTest {
  @Test
  void anInterruptedFirstUseLeavesTikaUsable() throws Exception {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    Thread first = new Thread(() -> {
      Thread.currentThread().interrupt(); // as TimeBoundRunner does at a time limit
      try {
        TikaRegistry.parser();
      } catch (Throwable t) {
        seen.set(t);
      }
    });
    first.start();
    first.join();
    if (seen.get() != null) { // it may also have found the registries built already
      assertEquals(ErrorCode.TIME_LIMIT, ((CheckException) seen.get()).code());
    }
    assertNotNull(TikaRegistry.parser());
    assertNotNull(TikaRegistry.detector());
    String text = new TikaExtractor(1000).extract("<html><body><p>投标人须知</p></body></html>".getBytes("UTF-8"), "a.html",
        MediaTypes.HTML, io.fairtender.Deadline.after(java.time.Duration.ofSeconds(30))).text();
    assertEquals("投标人须知", text.strip());
  }
}
