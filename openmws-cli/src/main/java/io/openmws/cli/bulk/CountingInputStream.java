package io.openmws.cli.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that steps a byte-counting phase by what is read through it. */
final class CountingInputStream extends FilterInputStream {

    private final Progress.Phase phase;

    CountingInputStream(InputStream in, Progress.Phase phase) {
        super(in);
        this.phase = phase;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            phase.step();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        phase.stepBy(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        phase.stepBy(skipped);
        return skipped;
    }
}
