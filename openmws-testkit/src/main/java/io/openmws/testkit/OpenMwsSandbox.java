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
 *
 * <p>With {@code shared = true}, every class so annotated in the test run uses one platform, started for
 * the first and stopped at the end of the run: a start-up (several seconds) per run instead of per class.
 * The classes then share the clock and the settings too, so they must not {@link Sandbox#reset()} it and
 * must work from {@link Sandbox#now()} rather than assume where the clock stands.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OpenMwsSandboxExtension.class)
public @interface OpenMwsSandbox {

    /** Whether the platform is the test run's one, shared with the other classes that say so. */
    boolean shared() default false;
}
