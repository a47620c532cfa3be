package io.tokenwarden.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process (and its children: PostgreSQL's backends) has used, from {@code /proc/<pid>/stat}.
 * On a machine shared with other work, CPU per request is the figure that other work cannot inflate.
 */
final class CpuClock {

	/** Linux's USER_HZ: utime and stime count in hundredths of a second. */
	private static final double MILLIS_PER_TICK = 10;

	private CpuClock() {
	}

	/** Milliseconds of CPU used so far by {@code pid} and every process below it. */
	static double millisOfTree(long pid) {
		double millis = millisOf(pid);
		for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
			millis += millisOf(child.pid());
		}
		return millis;
	}

	/** The postmaster of the PostgreSQL whose data directory is {@code data}. */
	static long postmasterOf(Path data) {
		try {
			return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Milliseconds of CPU used so far by each kind of thread of {@code pid}, by thread name without
	 * its number ("http-nio-8080-exec-", "C2 CompilerThre", "VM Thread", ...).
	 */
	static java.util.Map<String, Double> millisByThread(long pid) {
		java.util.Map<String, Double> byName = new java.util.TreeMap<>();
		try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+$", "");
					byName.merge(name, millisIn(stat), Double::sum);
				}
				catch (IOException ex) {
					// the thread ended between listing and reading
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return byName;
	}

	private static double millisOf(long pid) {
		try {
			return millisIn(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
		}
		catch (IOException ex) {
			return 0; // the process ended between listing and reading
		}
	}

	/** User plus system time of a {@code /proc/.../stat} line, in milliseconds. */
	private static double millisIn(String stat) {
		// fields after the command name, which is in parentheses and may hold spaces: state is field 3
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
	}

}
