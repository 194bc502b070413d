/**
 * A real OpenMWS platform for tests: annotate a test class with {@link io.openmws.testkit.OpenMwsSandbox}
 * and take a {@link io.openmws.testkit.Sandbox} parameter, which starts the platform in-process (sandbox
 * mode, in-memory H2, random port) and makes sellers, developers and authorizations, moves the clock and
 * reads the mailbox.
 */
package io.openmws.testkit;
