package io.openmws.server.gateway;

import io.openmws.protocol.xml.MwsXmlWriter;
import java.io.IOException;

/**
 * An operation whose success is a download, not an XML result (docs/protocol.md §3.4, "Downloads"): the
 * gateway authenticates and throttles it like any other, then sends the {@link RawAnswer} it returns.
 * Its errors are ordinary {@link MwsException}s, sent as error envelopes.
 */
public interface RawMwsOperation extends MwsOperation {

    /**
     * What to send. Called after every check of the gateway; nothing is sent before it returns.
     *
     * @throws MwsException for an error the client should see
     */
    RawAnswer answer(MwsCall call) throws IOException;

    /** Never called: the gateway sends {@link #answer(MwsCall)} instead. */
    @Override
    default void writeResult(MwsCall call, MwsXmlWriter result) {
        throw new IllegalStateException(action() + " answers raw bytes, not an XML result");
    }
}
