package dev.paas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The platform's architecture rules for one service, parameterised by the service's base package (the package of
 * its application class). Every service runs them through {@link ServiceArchitectureTest}.
 *
 * <p>A service is split into feature packages (aggregates, repositories, application services, internal events),
 * {@code web} (HTTP adapters), {@code messaging} (listeners and publishers that translate contract records) and the
 * root package (the application class and configuration). Only the adapters know the transport; feature packages
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

    private ServiceArchitecture(String base) {
        this.base = base;
    }

    /** The rules of the service whose classes live under {@code basePackage}, e.g. {@code dev.paas.billing}. */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
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
     * Feature packages know neither HTTP nor messaging: they import neither the service's adapters, the event
     * contracts, the messaging plumbing nor Spring's web and messaging APIs.
     */
    public ArchRule featurePackagesKnowNoTransport() {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base, base + ".web..", base + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".web..", base + ".messaging..",
                        "dev.paas.contracts..", "dev.paas.messaging..", "org.springframework.web..",
                        "org.springframework.cloud.stream..", "org.springframework.messaging..")
                .because("aggregates register internal events; messaging/ maps them to contracts and back");
    }

    /** Only {@code messaging} subscribes to events and writes to the outbox. */
    public ArchRule onlyMessagingSubscribesAndPublishes() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".messaging..")
                .should().dependOnClassesThat().haveFullyQualifiedName(EVENT_SUBSCRIPTIONS)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(OUTBOX)
                .because("the event boundary has one place: messaging/");
    }
}
