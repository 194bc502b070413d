package io.openmws.server.gateway;

import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The operations a running platform serves, read from the gateway's own registry (the one that
 * dispatches calls), for tests that must call every one: an operation added later shows up here.
 */
public final class RegisteredOperations {

    private RegisteredOperations() {}

    /** Every operation of the platform in {@code context}, by section then action. */
    public static List<MwsOperation> of(ApplicationContext context) {
        return context.getBean(MwsOperations.class).all();
    }
}
