package no.overdosevarsel.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent in a phase by this JVM (dispatch, broker and stubs), by the PostgreSQL backends serving the benchmark's
 * database, and by the whole machine (so what other processes took is visible). Linux only for the last two.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final JdbcClient jdbc;

    CpuMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Snapshot(long jvmNanos, Map<Integer, Long> postgresTicks, long machineBusyTicks, long machineTotalTicks) {}

    /** CPU seconds between two snapshots. */
    record Usage(double jvm, double postgres, double machineBusy, double machineCapacity) {
        double others() {
            return Math.max(0, machineBusy - jvm - postgres);
        }
    }

    Snapshot snapshot() {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        Map<Integer, Long> postgres = new HashMap<>();
        List<Integer> pids = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                .query(Integer.class)
                .list();
        for (int pid : pids) {
            long ticks = processTicks(pid);
            if (ticks >= 0) {
                postgres.put(pid, ticks);
            }
        }
        long[] machine = machineTicks();
        return new Snapshot(jvm, postgres, machine[0], machine[1]);
    }

    static Usage between(Snapshot start, Snapshot end) {
        long postgres = 0;
        for (var entry : end.postgresTicks().entrySet()) {
            postgres += entry.getValue() - start.postgresTicks().getOrDefault(entry.getKey(), 0L);
        }
        return new Usage(
                (end.jvmNanos() - start.jvmNanos()) / 1e9,
                postgres / TICKS_PER_SECOND,
                (end.machineBusyTicks() - start.machineBusyTicks()) / TICKS_PER_SECOND,
                (end.machineTotalTicks() - start.machineTotalTicks()) / TICKS_PER_SECOND);
    }

    private static long processTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (1-based in proc(5))
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
