package io.shikaku.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the machine's processes from /proc: who listens on a port, which processes carry a name, how much CPU
 * (utime + stime) and memory (VmRSS) a process has used.
 */
final class Processes {

    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    private Processes() {
    }

    /** The processes listening on TCP {@code port} (by socket inode), empty when none can be seen. */
    static List<Long> listening(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[3].equals("0A") && f[1].endsWith(String.format(":%04X", port))) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException e) {
                // no such table
            }
        }
        List<Long> pids = new ArrayList<>();
        if (inodes.isEmpty()) {
            return pids;
        }
        for (long pid : all()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds) {
                    try {
                        if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                            pids.add(pid);
                            break;
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            } catch (IOException | SecurityException e) {
                // not ours to read, or gone
            }
        }
        return pids;
    }

    /** The processes whose command name (/proc/[pid]/stat's second field) is {@code name}. */
    static List<Long> named(String name) {
        List<Long> pids = new ArrayList<>();
        for (long pid : all()) {
            String stat = stat(pid);
            if (stat != null && stat.contains("(" + name + ")")) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** CPU time used so far by {@code pid} in milliseconds (user + system), 0 for a process that is gone. */
    static long cpuMillis(long pid) {
        String stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state(0) ppid(1) … utime(11) stime(12)
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
    }

    /** Resident memory of {@code pid} in MiB, or -1 when unknown. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Long> all() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : proc) {
                pids.add(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("/proc cannot be read", e);
        }
        return pids;
    }
}
