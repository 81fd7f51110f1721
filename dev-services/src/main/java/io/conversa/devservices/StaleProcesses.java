package io.conversa.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what a previous run on the same data directory left running: a kill -9 of the JVM leaves
 * PostgreSQL and Redis holding the data files and ports.
 */
final class StaleProcesses {

  private static final Logger LOG = LoggerFactory.getLogger(StaleProcesses.class);
  private static final long GRACE_SECONDS = 30;

  private StaleProcesses() {}

  /** The JVM goes first: its shutdown hook stops its own servers cleanly. */
  static void stopAll(Path dataDir) throws IOException, InterruptedException {
    stop(DevServices.pidFile(dataDir), DevServices.class.getName(), "TERM");
    // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for a stale app's connections.
    stop(EmbeddedDatabase.pidFile(dataDir), "bin/postgres", "INT");
    stop(EmbeddedCache.pidFile(dataDir), "redis-server", "TERM");
  }

  private static void stop(Path pidFile, String commandMarker, String signal)
      throws IOException, InterruptedException {
    Optional<ProcessHandle> stale =
        pidIn(pidFile)
            .flatMap(ProcessHandle::of)
            .filter(process -> process.pid() != ProcessHandle.current().pid())
            .filter(process -> commandLine(process).contains(commandMarker));
    if (stale.isEmpty()) {
      return;
    }
    ProcessHandle process = stale.get();
    LOG.warn("Stopping {} (pid {}) left running by a previous run", commandMarker, process.pid());
    send(signal, process);
    if (!awaitExit(process, GRACE_SECONDS)) {
      LOG.warn("{} (pid {}) ignored SIG{}; killing it", commandMarker, process.pid(), signal);
      process.destroyForcibly();
      awaitExit(process, GRACE_SECONDS);
    }
  }

  /** The first line is the pid in both PostgreSQL's postmaster.pid and ours. */
  private static Optional<Long> pidIn(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(lines.get(0).trim()));
  }

  /** A pid may have been reused since: only a process that runs the expected program is stopped. */
  private static String commandLine(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    return info.commandLine().or(info::command).orElse("");
  }

  /** Java can send only SIGTERM and SIGKILL to another process, and PostgreSQL needs SIGINT. */
  private static void send(String signal, ProcessHandle process)
      throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start()
        .waitFor();
  }

  /** Polls: onExit() of a process that is not our child checks only about once a second. */
  private static boolean awaitExit(ProcessHandle process, long seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!exited(process)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /**
   * A zombie has already let go of its ports and files, and an orphan's zombie lingers until init
   * reaps it: about two seconds on this project's VMs.
   */
  private static boolean exited(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException e) {
      return true;
    }
  }
}
