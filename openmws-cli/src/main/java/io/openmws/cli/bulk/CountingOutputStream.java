package io.openmws.cli.bulk;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that steps a byte-counting phase by what is written through it. */
final class CountingOutputStream extends FilterOutputStream {

    private final Progress.Phase phase;

    CountingOutputStream(OutputStream out, Progress.Phase phase) {
        super(out);
        this.phase = phase;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        phase.step();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        phase.stepBy(len);
    }
}
