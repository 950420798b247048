package jp.homebiyori.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One line on what the figures were measured on, printed at the top of every report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "machine: nproc=" + Runtime.getRuntime().availableProcessors()
                + ", memory=" + memTotal()
                + ", JDK " + System.getProperty("java.vm.vendor") + " " + Runtime.version()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB"
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", at " + OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The load averages now: other processes on the machine skew every figure (2 cores, shared). */
    static String load() {
        try {
            return "load average (1/5/15 min): " + String.join(" ", java.util.Arrays.copyOf(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"), 3));
        } catch (IOException | RuntimeException e) {
            return "load average: ?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
