package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress display of a bulk verb on standard error: one bar per phase ("Sellers" done of all, "Upload"
 * and "Download" in bytes, "Processing", ...), each with its rate and ETA, stacked and redrawn in place.
 * Drawn only when a person is at a terminal and {@code --quiet} was not given; otherwise every phase is
 * silent, so a pipe or a CI log gets only the results.
 *
 * <p>Create every phase before the work starts (their lines keep their places), and close the display
 * before printing anything else: {@link #close()} draws each bar's last state and leaves the cursor on a
 * fresh line, also when sellers failed. Thread-safe: phases are stepped from the sellers' threads.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final boolean drawn;
    private final List<ProgressBar> bars = new ArrayList<>();
    private boolean closed;

    /** Ends the display when the process is stopped (Ctrl-C) while bars are drawn, so the shell's prompt starts on a fresh line. */
    private final Thread onExit = new Thread(this::close, "openmws-progress-exit");

    private Progress(PrintStream err, boolean drawn) {
        this.err = err;
        this.drawn = drawn;
        if (drawn) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /**
     * The display for this run: drawn at an interactive terminal (not a {@code dumb} one, which cannot move
     * the cursor back up to redraw), unless {@code --quiet}, or {@code -v}, whose lines per request on standard
     * error are the progress then (bars redrawn in place would tear them).
     */
    public static Progress of(Cli cli) {
        boolean dumb = cli.terminal().env("TERM").filter("dumb"::equals).isPresent();
        return new Progress(cli.terminal().err(),
                cli.terminal().interactive() && !cli.quiet() && !cli.verbose() && !dumb);
    }

    /**
     * A phase counted in items (sellers, orders).
     *
     * @param name the bar's label
     * @param total how many there will be; negative when unknown (the bar then counts without a percentage)
     */
    public Phase items(String name, long total) {
        return phase(name, total, false);
    }

    /**
     * A phase counted in bytes, shown in KiB with the rate.
     *
     * @param name the bar's label
     * @param total how many bytes there will be; negative when unknown
     */
    public Phase bytes(String name, long total) {
        return phase(name, total, true);
    }

    private synchronized Phase phase(String name, long total, boolean bytes) {
        if (!drawn || closed) {
            return Phase.SILENT;
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(err));
        if (bytes) {
            b.setUnit(" KiB", 1024).showSpeed();
        } else {
            b.showSpeed();
        }
        ProgressBar bar = b.build();
        bars.add(bar);
        return new Phase(bar);
    }

    /** Draws each bar's last state and ends the display on a fresh line. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ProgressBar bar : bars) {
            bar.close();
        }
        err.flush();
        if (drawn && Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The process is exiting already; the hook has nothing left to do.
            }
        }
    }

    /** One phase's bar (or nothing, when the display is not drawn). */
    public static final class Phase {

        /** A phase that shows nothing. */
        static final Phase SILENT = new Phase(null);

        private final ProgressBar bar;

        private Phase(ProgressBar bar) {
            this.bar = bar;
        }

        /** One more done. */
        public void step() {
            stepBy(1);
        }

        /** {@code n} more done. */
        public void stepBy(long n) {
            if (bar != null && n > 0) {
                bar.stepBy(n);
            }
        }

        /** The total, once it is known or has grown. */
        public void maxHint(long total) {
            if (bar != null) {
                bar.maxHint(total);
            }
        }
    }
}
