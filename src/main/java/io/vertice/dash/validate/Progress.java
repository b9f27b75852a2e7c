package io.vertice.dash.validate;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line for long {@code --live} runs, rewritten in place on a terminal ("live: 120/455 queries") and
 * erased at the end; nothing at all when output is not a terminal, so logs and CI output stay clean.
 */
public final class Progress {
    /** Reports nothing. */
    public static final Progress NONE = new Progress(null);
    /** Runs shorter than this many queries finish before a progress line would help. */
    private static final int MIN_STEPS = 20;

    private final PrintWriter terminal;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long lastPrint;

    private Progress(PrintWriter terminal) {
        this.terminal = terminal;
    }

    /** Progress on {@code err} when this process has a terminal, else {@link #NONE}. */
    public static Progress onTerminal(PrintWriter err) {
        // JDK 17 (our target): console() is null unless stdin and stdout are a terminal; CI is excluded by name too
        return isTerminal() && System.getenv("CI") == null ? new Progress(err) : NONE;
    }

    void start(int steps) {
        total = steps;
        done.set(0);
    }

    void step() {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        if (terminal == null || total < MIN_STEPS || now - lastPrint < 100_000_000L) {
            return;
        }
        lastPrint = now;
        synchronized (terminal) {
            terminal.print("\rlive: " + n + "/" + total + " queries");
            terminal.flush();
        }
    }

    void done() {
        if (terminal != null && total >= MIN_STEPS) {
            synchronized (terminal) {
                terminal.print("\r\033[K");
                terminal.flush();
            }
        }
    }

    @SuppressWarnings("SystemConsoleNull") // JDK 22+ has Console.isTerminal(); on 17 a null console means no terminal
    private static boolean isTerminal() {
        return System.console() != null;
    }
}
