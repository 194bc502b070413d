package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.store.StoredSeller;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per seller, {@code parallel} sellers at a time, and keeps each seller's outcome: a seller that
 * fails does not stop the others. The tasks call the SDK, which paces each seller's calls within that seller's
 * quotas, so nothing here waits on its own.
 */
public final class SellerRun {

    /**
     * What is done for one seller.
     *
     * @param <R> what it gives back for the results table
     */
    @FunctionalInterface
    public interface Task<R> {
        /** Does the work for one seller; any exception makes the seller FAILED. */
        R run(StoredSeller seller) throws Exception;
    }

    /**
     * One seller's outcome: a result, or the failure.
     *
     * @param seller the seller
     * @param result what the task gave back; {@code null} when it failed
     * @param failure why it failed; {@code null} when it worked
     * @param <R> the result's type
     */
    public record Outcome<R>(StoredSeller seller, R result, Exception failure) {

        /** Whether the task worked. */
        public boolean ok() {
            return failure == null;
        }

        /** The seller's id. */
        public String sellerId() {
            return seller.sellerId();
        }

        /** {@code OK} or {@code FAILED}, as the results show it. */
        public String resultWord() {
            return ok() ? "OK" : "FAILED";
        }

        /** The result, when the task worked. */
        public Optional<R> value() {
            return Optional.ofNullable(result);
        }

        /**
         * The failure on one line: an MWS error's code, message and RequestId; a file's path and what went
         * wrong; empty when the task worked.
         */
        public String detail() {
            if (failure == null) {
                return "";
            }
            String line;
            if (failure instanceof MwsException || failure instanceof CliFailure) {
                line = failure.getMessage();
            } else if (failure instanceof UncheckedIOException u) {
                line = u.getMessage() + (u.getCause() != null && u.getCause().getMessage() != null
                        && !u.getMessage().contains(u.getCause().getMessage()) ? ": " + u.getCause().getMessage() : "");
            } else {
                line = "unexpected failure: " + failure;
            }
            return line == null ? failure.getClass().getSimpleName() : line.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        }
    }

    private SellerRun() {
    }

    /**
     * Runs the task for every seller and waits for all of them.
     *
     * @param sellers the sellers
     * @param parallel how many at once
     * @param done stepped when a seller is finished, worked or failed
     * @param task the work
     * @return the outcomes, in the sellers' order
     * @throws CliFailure when the run was interrupted
     */
    public static <R> List<Outcome<R>> run(List<StoredSeller> sellers, int parallel, Progress.Phase done, Task<R> task) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, sellers.size())), r -> {
            Thread t = new Thread(r, "openmws-seller-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>();
            for (StoredSeller seller : sellers) {
                futures.add(pool.submit(() -> {
                    try {
                        return new Outcome<>(seller, task.run(seller), null);
                    } catch (Exception e) {
                        return new Outcome<R>(seller, null, e);
                    } finally {
                        done.step();
                    }
                }));
            }
            List<Outcome<R>> outcomes = new ArrayList<>();
            for (Future<Outcome<R>> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("Interrupted; sellers not finished were left as they were", e);
        } catch (ExecutionException e) {
            // The wrapper above catches every Exception; only an Error gets here.
            throw new IllegalStateException("A seller's task died: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The exit code of a run: {@link ExitCode#OK} when every seller worked, {@link ExitCode#FAILED} when none did,
     * {@link ExitCode#PARTIAL} otherwise.
     */
    public static int exitCode(List<? extends Outcome<?>> outcomes) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (failed == 0) {
            return ExitCode.OK;
        }
        return failed == outcomes.size() ? ExitCode.FAILED : ExitCode.PARTIAL;
    }

    /** With {@code -x}, each failed seller's stack trace on standard error, after the results. */
    public static void printStackTraces(Cli cli, List<? extends Outcome<?>> outcomes) {
        if (!cli.stackTraces()) {
            return;
        }
        for (Outcome<?> o : outcomes) {
            if (!o.ok()) {
                cli.terminal().err().println("Seller " + o.sellerId() + ":");
                o.failure().printStackTrace(cli.terminal().err());
            }
        }
        cli.terminal().err().flush();
    }
}
