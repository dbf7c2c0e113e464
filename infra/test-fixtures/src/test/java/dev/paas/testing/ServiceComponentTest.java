package dev.paas.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot service as a component against real infrastructure: the local PostgreSQL server
 * ({@link #database()}, see {@link TestDatabases}) and the test JVM's JetStream server
 * ({@link NatsServerProcess#shared()}). Put it on a service's integration test base class (or on a test class);
 * every test class with the same settings shares one application context.
 *
 * <p>The fixture registers {@code spring.datasource.url}, {@code spring.cloud.stream.jetstream.binder.url} and
 * what the {@link #defaults()} classes add, below the test's own settings: {@link #properties()} and a
 * {@code @DynamicPropertySource} of the test win over them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(ServiceComponentTestCustomizerFactory.class)
public @interface ServiceComponentTest {

    /**
     * The service's test database, {@code paas_<service>_test}: created when missing and kept between runs, so
     * tests work with data of their own (random ids, unique e-mails); or, with {@link #freshDatabase()}, the prefix
     * of a database of the context's own.
     */
    String database();

    /**
     * {@code true} for tests that need an empty database (the first account of a platform, a sweep over every
     * row): the context gets a new database, dropped when the context closes.
     */
    boolean freshDatabase() default false;

    /** Properties the service's tests share that take code to compute (a fake's URL, a key set), as defaults. */
    Class<? extends ComponentTestDefaults>[] defaults() default {};

    /** The service's own test settings, {@code key=value}; they win over the fixture's. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** The application class, when the test's package cannot find it. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};

    /** A real HTTP port by default, as the gateway and other services call the service. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;
}
