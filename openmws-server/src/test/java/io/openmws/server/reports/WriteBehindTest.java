package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report engine's hand-over of bytes to a writer thread: everything arrives, in order; failures come back. */
class WriteBehindTest {

    @Test
    void everyByteReachesTheTargetInOrderOnceFinished() throws IOException {
        byte[] data = new byte[WriteBehind.CHUNK * (WriteBehind.DEPTH * 3) + 12345];
        new Random(7).nextBytes(data);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        WriteBehind behind = new WriteBehind(target, "test-writer");
        int position = 0;
        // Writes of every size, single bytes among them, across chunk boundaries.
        for (int size = 1; position < data.length; size = size * 3 % 100_003 + 1) {
            int n = Math.min(size, data.length - position);
            if (n == 1) {
                behind.write(data[position]);
            } else {
                behind.write(data, position, n);
            }
            position += n;
            if (size % 7 == 0) {
                behind.flush();
            }
        }
        behind.finish();
        assertThat(target.toByteArray()).isEqualTo(data);
    }

    @Test
    void aTargetThatFailsFailsTheWritesAfterItAndFinish() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        WriteBehind behind = new WriteBehind(broken, "test-writer");
        byte[] chunk = new byte[WriteBehind.CHUNK];
        assertThatThrownBy(() -> {
            // More than the queue holds: the producer must notice, not wait for ever.
            for (int i = 0; i < WriteBehind.DEPTH * 4; i++) {
                behind.write(chunk);
            }
            behind.finish();
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
        behind.abort();
    }

    @Test
    void abortStopsTheWriterThreadWhenTheGeneratorFailed() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        WriteBehind behind = new WriteBehind(target, "test-writer-abort");
        behind.write(new byte[10]);
        behind.abort();
        behind.writerThread().join(5_000);
        assertThat(behind.writerThread().isAlive()).isFalse();
        assertThat(target.size()).as("nothing handed over: the 10 bytes never filled a chunk").isZero();
    }
}
