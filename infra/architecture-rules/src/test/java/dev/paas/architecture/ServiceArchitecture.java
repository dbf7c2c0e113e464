package dev.paas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's architecture rules for one service, parameterised by the service's base package (the package of
 * its application class). Every service runs them through {@link ServiceArchitectureTest}.
 *
 * <p>A service is split into feature packages (aggregates, repositories, application services, internal events),
 * {@code web} (HTTP adapters), {@code messaging} (listeners and publishers that translate contract records) and the
 * root package (the application class and configuration). Only the adapters know the transport. Feature packages
 * may use the framework-free plumbing modules ({@code dev.paas.ids}, {@code dev.paas.problems},
 * {@code dev.paas.tokens}, {@code dev.paas.webhooksecrets}, {@code dev.paas.docker}), which no rule forbids.
 */
public final class ServiceArchitecture {

    /** The base package of every service and of the gateway. */
    static final List<String> SERVICES = List.of("dev.paas.gateway", "dev.paas.identity", "dev.paas.project",
            "dev.paas.build", "dev.paas.runtime", "dev.paas.database", "dev.paas.metrics", "dev.paas.billing");

    static final String EVENT_SUBSCRIPTIONS = "dev.paas.messaging.inbox.EventSubscriptions";
    static final String OUTBOX = "dev.paas.messaging.outbox.Outbox";

    private final String base;
    private final List<String> httpAdapters;

    private ServiceArchitecture(String base, List<String> httpAdapters) {
        this.base = base;
        this.httpAdapters = httpAdapters;
    }

    /** The rules of the service whose classes live under {@code basePackage}, e.g. {@code dev.paas.billing}. */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage, List.of());
    }

    /**
     * The same rules for a service some of whose packages besides {@code web} are HTTP adapters (the gateway's
     * filters): those may use Spring's web API, but still know no messaging.
     *
     * @param packages names relative to the base package, e.g. {@code "ratelimit"}
     */
    public ServiceArchitecture withHttpAdapters(String... packages) {
        return new ServiceArchitecture(base, Stream.of(packages).map(name -> base + "." + name + "..").toList());
    }

    String basePackage() {
        return base;
    }

    /** Services talk only through events: none imports another's packages. */
    public ArchRule importsNoOtherService() {
        String[] others = SERVICES.stream().filter(service -> !service.equals(base)).map(service -> service + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through events");
    }

    /**
     * Feature packages know no messaging: neither the service's {@code messaging} adapter, the event contracts, the
     * messaging plumbing nor Spring's messaging APIs.
     */
    public ArchRule featurePackagesKnowNoMessaging() {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base, base + ".web..", base + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".messaging..", "dev.paas.contracts..",
                        "dev.paas.messaging..", "org.springframework.cloud.stream..",
                        "org.springframework.messaging..")
                .because("aggregates register internal events; messaging/ maps them to contracts and back");
    }

    /** Feature packages know no HTTP: neither the service's {@code web} adapter nor Spring's web API. */
    public ArchRule featurePackagesKnowNoHttp() {
        List<String> adapters = new ArrayList<>(List.of(base, base + ".web..", base + ".messaging.."));
        adapters.addAll(httpAdapters);
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(adapters.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(base + ".web..", "org.springframework.web..")
                .because("HTTP is an adapter: web/ calls the feature packages, never the other way round")
                // A service whose every package is an HTTP adapter (the gateway) has nothing to check here.
                .allowEmptyShould(!httpAdapters.isEmpty());
    }

    /**
     * Repositories stay package-private behind their feature's application service, which checks ownership and
     * state; nothing outside the feature queries them directly.
     */
    public ArchRule repositoriesArePackagePrivate() {
        return classes().that().resideInAPackage(base + "..")
                .and().areAssignableTo("org.springframework.data.repository.Repository")
                .should().notBePublic()
                .because("a feature's repository is reached through its application service")
                .allowEmptyShould(true);
    }

    /** Only {@code messaging} subscribes to events and writes to the outbox. */
    public ArchRule onlyMessagingSubscribesAndPublishes() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".messaging..")
                .should().dependOnClassesThat().haveFullyQualifiedName(EVENT_SUBSCRIPTIONS)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(OUTBOX)
                .because("the event boundary has one place: messaging/");
    }
}
