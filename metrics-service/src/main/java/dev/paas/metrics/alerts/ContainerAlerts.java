package dev.paas.metrics.alerts;

import dev.paas.metrics.containers.ContainerKind;
import dev.paas.metrics.containers.ContainerSample;
import dev.paas.metrics.containers.ContainersSampled;
import dev.paas.metrics.owners.KnownResources;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the container thresholds after every sampling pass: a condition that has held for its rule's duration
 * opens an alert, one that clears resolves it, and a container that is gone resolves its alerts. Every replica
 * samples, so the same pass may arrive several times: the conditions and alerts in PostgreSQL make that a no-op.
 */
@Component
class ContainerAlerts {

    private static final Log log = LogFactory.getLog(ContainerAlerts.class);

    private final AlertRules rules;
    private final Alerts alerts;
    private final Conditions conditions;
    private final KnownResources resources;
    private final AlertsProperties properties;
    private final TransactionTemplate transactions;

    ContainerAlerts(AlertRules rules, Alerts alerts, Conditions conditions, KnownResources resources,
            AlertsProperties properties, TransactionTemplate transactions) {
        this.rules = rules;
        this.alerts = alerts;
        this.conditions = conditions;
        this.resources = resources;
        this.properties = properties;
        this.transactions = transactions;
    }

    @EventListener
    void on(ContainersSampled pass) {
        try {
            evaluate(pass);
        } catch (RuntimeException e) {
            // The sampler must go on sampling; the next pass evaluates again.
            log.warn("container alert evaluation of the pass at " + pass.at() + " failed: " + e.getMessage(), e);
        }
    }

    void evaluate(ContainersSampled pass) {
        List<UUID> projects = pass.samples().stream().map(ContainerSample::projectId).filter(Objects::nonNull)
                .distinct().toList();
        AlertRules.RuleSet inForce = rules.inForce(projects);
        pass.samples().stream().sorted(Comparator.comparing(ContainerSample::containerId))
                .forEach(sample -> transactions.executeWithoutResult(status -> evaluate(sample, inForce)));
        List<String> present = pass.samples().stream().map(ContainerSample::containerId).toList();
        for (String key : alerts.openContainerKeysExcept(present, pass.at())) {
            alerts.resolve(key, "the container is gone", pass.at());
        }
        conditions.forgetContainersExcept(present, pass.at());
    }

    private void evaluate(ContainerSample sample, AlertRules.RuleSet inForce) {
        for (ThresholdChecks.Check check : ThresholdChecks.of(sample, inForce.forContainer(sample.projectId()))) {
            if (check.holds()) {
                var since = conditions.holds(check.key(), sample.containerId(), sample.sampledAt(), check.value(),
                        properties.conditionGap());
                alerts.touchOrOpen(spec(sample, check), check.heldLongEnough(since, sample.sampledAt()));
            } else {
                conditions.cleared(check.key());
                alerts.resolve(check.key(), check.clearedReason(), sample.sampledAt());
            }
        }
    }

    private AlertSpec spec(ContainerSample sample, ThresholdChecks.Check check) {
        UUID owner = sample.ownerId();
        if (owner == null) {
            owner = (sample.kind() == ContainerKind.DATABASE ? resources.ownerOfDatabase(sample.databaseId())
                    : resources.ownerOfProject(sample.projectId())).orElse(null);
        }
        return new AlertSpec(check.key(), check.rule().metric().kind(), check.rule().severity(), owner,
                sample.projectId(), sample.databaseId(), sample.containerId(), check.openMessage(), check.value(),
                sample.sampledAt());
    }
}
