package io.openmws.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the OpenMWS platform in-process for a test class: sandbox mode, an in-memory H2 database of
 * its own, a random port. Test methods (and {@code @BeforeEach}/{@code @BeforeAll} methods) take a
 * {@link Sandbox} parameter to reach it.
 *
 * <pre>{@code
 * @OpenMwsSandbox
 * class MyIntegrationTest {
 *     @Test
 *     void listsMarketplaces(Sandbox sandbox) {
 *         SandboxDeveloper developer = sandbox.newDeveloper();
 *         SandboxSeller seller = sandbox.newSeller();
 *         SandboxAuthorization grant = sandbox.authorize(seller, developer);
 *         // call sandbox.baseUrl() with developer.accessKeyId(), developer.secretKey(),
 *         // grant.sellerId() and grant.mwsAuthToken()
 *     }
 * }
 * }</pre>
 *
 * <p>The platform starts once per test class and stops after it; every fixture is new, so tests do
 * not see each other's sellers. {@link Sandbox#reset()} empties it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OpenMwsSandboxExtension.class)
public @interface OpenMwsSandbox {
}
