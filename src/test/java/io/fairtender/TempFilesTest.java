package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Temporary folders are private, named after the process, and those of dead processes are swept on start-up. */
class TempFilesTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();

  @Test
  void foldersOfDeadProcessesAreSweptAndOthersKept() throws IOException, InterruptedException {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    Path dead = Files.createDirectories(temp.dir().resolve("fairtender-" + deadPid + "-ocr-1"));
    Files.writeString(dead.resolve("page.png"), "left by kill -9");
    Path mine = TempFiles.createDir("ocr");
    Path other = Files.createDirectories(temp.dir().resolve("someone-else"));
    assertEquals(1, TempFiles.sweepStale());
    assertTrue(Files.exists(mine) && Files.exists(other) && !Files.exists(dead));
    assertTrue(mine.getFileName().toString().startsWith("fairtender-" + ProcessHandle.current().pid() + "-ocr-"));
    TempFiles.delete(mine);
    assertEquals(List.of("someone-else"), temp.leftovers());
  }
}
