package dev.paas.metrics.alerts;

import dev.paas.metrics.capacity.HostSample;
import dev.paas.metrics.capacity.HostSampled;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Evaluates the host's CPU, memory and disk thresholds after every host pass; its alerts are the platform's. */
@Component
class HostAlerts {

    private static final Log log = LogFactory.getLog(HostAlerts.class);

    private final AlertRules rules;
    private final Alerts alerts;
    private final Conditions conditions;
    private final AlertsProperties properties;
    private final TransactionTemplate transactions;

    HostAlerts(AlertRules rules, Alerts alerts, Conditions conditions, AlertsProperties properties,
            TransactionTemplate transactions) {
        this.rules = rules;
        this.alerts = alerts;
        this.conditions = conditions;
        this.properties = properties;
        this.transactions = transactions;
    }

    @EventListener
    void on(HostSampled sampled) {
        try {
            transactions.executeWithoutResult(status -> evaluate(sampled.sample()));
        } catch (RuntimeException e) {
            // The host sampler must go on; the next pass evaluates again.
            log.warn("host alert evaluation failed: " + e.getMessage(), e);
        }
    }

    private void evaluate(HostSample sample) {
        List<AlertRule> inForce = rules.inForce(List.of()).forHost();
        for (ThresholdChecks.Check check : ThresholdChecks.of(sample, inForce)) {
            if (check.holds()) {
                var since = conditions.holds(check.key(), ThresholdChecks.hostId(sample), sample.at(), check.value(),
                        properties.conditionGap());
                alerts.touchOrOpen(new AlertSpec(check.key(), check.rule().metric().kind(), "CRITICAL", null, null,
                        null, null, check.openMessage(), check.value(), sample.at()),
                        check.heldLongEnough(since, sample.at()));
            } else {
                conditions.cleared(check.key());
                alerts.resolve(check.key(), check.clearedReason(), sample.at());
            }
        }
    }
}
