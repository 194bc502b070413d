package io.openmws.server.reports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream that hands its bytes to another thread, which writes them to the target: the
 * generator reads rows and formats them on its thread while the blob store computes the MD5 and writes
 * on another core. Memory stays bounded: at most {@link #DEPTH} chunks of {@link #CHUNK} bytes wait,
 * and a writer that falls behind makes {@link #write} wait. {@link #finish()} returns once every byte
 * is in the target; a failure of the target comes back from the next write or from {@code finish}.
 * The target is never closed here: its owner commits or discards it.
 */
final class WriteBehind extends OutputStream {

    static final int CHUNK = 64 * 1024;
    static final int DEPTH = 8;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread writer;
    private volatile Throwable failure;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean ended;

    WriteBehind(OutputStream target, String name) {
        this.writer = new Thread(() -> drain(target), name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private void drain(OutputStream target) {
        try {
            for (byte[] bytes = queue.take(); bytes != END; bytes = queue.take()) {
                target.write(bytes);
            }
        } catch (Throwable e) {
            failure = e;
            queue.clear(); // unblocks a producer waiting for room; it then sees the failure
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            handOver();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                handOver();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Hands the bytes written so far to the writer thread (not waiting for them to be written). */
    @Override
    public void flush() throws IOException {
        if (used > 0) {
            handOver();
        }
    }

    /** Waits until every byte written is in the target. */
    void finish() throws IOException {
        flush();
        enqueue(END);
        ended = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
            throw new InterruptedIOException("Interrupted while the report was being written");
        }
        check();
    }

    /**
     * Stops the writer thread when {@link #finish()} was not reached (the generator failed), and waits for
     * it, so the target's owner never discards the target while a chunk is still being written; idempotent.
     */
    void abort() {
        if (!ended) {
            ended = true;
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The writer thread, for tests that check it ends. */
    Thread writerThread() {
        return writer;
    }

    private void handOver() throws IOException {
        enqueue(used == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, used));
        chunk = new byte[CHUNK];
        used = 0;
    }

    private void enqueue(byte[] bytes) throws IOException {
        try {
            while (!queue.offer(bytes, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                check();
                if (!writer.isAlive()) {
                    throw new IOException("The report writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the report was being written");
        }
        check();
    }

    private void check() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw new IOException("Writing the report failed: " + io.getMessage(), io);
        }
        if (f != null) {
            throw new IOException("Writing the report failed", f);
        }
    }
}
