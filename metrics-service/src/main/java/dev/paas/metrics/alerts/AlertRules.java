package dev.paas.metrics.alerts;

import dev.paas.metrics.owners.KnownResources;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threshold rules: the defaults from {@link AlertsProperties}, the platform-wide overrides an administrator sets
 * (one per metric) and the per-project thresholds a project's owner adds on top.
 */
@Service
public class AlertRules {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|h)");
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(24);

    private final RuleStore store;
    private final KnownResources resources;
    private final AlertsProperties properties;
    private final Alerts alerts;
    private final Conditions conditions;

    AlertRules(RuleStore store, KnownResources resources, AlertsProperties properties, Alerts alerts,
            Conditions conditions) {
        this.store = store;
        this.resources = resources;
        this.properties = properties;
        this.alerts = alerts;
        this.conditions = conditions;
    }

    /** The project's own rules; another user's project is answered like an unknown one. */
    public List<AlertRule> ofProject(UUID projectId, UUID callerId, boolean admin) {
        checkAccess(projectId, callerId, admin);
        return store.ofProject(projectId);
    }

    /** Adds a threshold to a project: memory or cpu, 1..100 %, 1m..24h. */
    @Transactional
    public AlertRule addToProject(UUID projectId, NewAlertRule request, UUID callerId, boolean admin) {
        checkAccess(projectId, callerId, admin);
        Valid valid = validate(request, false);
        return store.insertProjectRule(projectId, valid.metric(), valid.threshold(), valid.duration(), callerId);
    }

    /** Removes a project's rule; its open alerts resolve. */
    @Transactional
    public void removeFromProject(UUID projectId, UUID ruleId, UUID callerId, boolean admin) {
        checkAccess(projectId, callerId, admin);
        AlertRule rule = store.find(ruleId).filter(found -> projectId.equals(found.projectId()))
                .orElseThrow(() -> new NotFound("alert rule", ruleId));
        store.delete(ruleId);
        forgetRule(rule, "its rule was deleted");
    }

    /** The platform's rule of every metric: the administrator's override, else the default. */
    public List<AlertRule> platform() {
        Map<AlertMetric, AlertRule> rules = new EnumMap<>(AlertMetric.class);
        for (AlertMetric metric : AlertMetric.values()) {
            rules.put(metric, defaultOf(metric));
        }
        store.platform().forEach(rule -> rules.put(rule.metric(), rule));
        return List.copyOf(rules.values());
    }

    /** Sets the platform-wide rule of a metric, replacing the default or the previous override. */
    @Transactional
    public AlertRule setPlatformRule(NewAlertRule request, UUID adminId) {
        Valid valid = validate(request, true);
        return store.upsertPlatformRule(valid.metric(), valid.threshold(), valid.duration(), adminId);
    }

    /** Removes a platform-wide override: its metric falls back to the default. */
    @Transactional
    public void removePlatformRule(UUID ruleId) {
        store.find(ruleId).filter(rule -> AlertRule.PLATFORM.equals(rule.scope()))
                .orElseThrow(() -> new NotFound("alert rule", ruleId));
        store.delete(ruleId);
    }

    /** The rules in force for containers of {@code projectIds} and for the host, read once per sampling pass. */
    RuleSet inForce(Collection<UUID> projectIds) {
        Map<UUID, List<AlertRule>> byProject = projectIds.isEmpty() ? Map.of()
                : store.ofProjects(List.copyOf(projectIds)).stream()
                        .collect(Collectors.groupingBy(AlertRule::projectId));
        return new RuleSet(platform(), byProject);
    }

    private void forgetRule(AlertRule rule, String reason) {
        String prefix = rule.metric().kind().name() + "/" + rule.key() + "/";
        Instant now = Instant.now();
        alerts.openKeysWithPrefix(prefix).forEach(key -> alerts.resolve(key, reason, now));
        conditions.forgetWithPrefix(prefix);
    }

    private AlertRule defaultOf(AlertMetric metric) {
        return switch (metric) {
            case MEMORY -> new AlertRule(null, AlertRule.DEFAULT, null, metric, properties.containerMemoryPercent(),
                    properties.containerMemoryDuration(), null);
            case CPU -> new AlertRule(null, AlertRule.DEFAULT, null, metric, properties.containerCpuPercent(),
                    properties.containerCpuDuration(), null);
            case HOST_CPU, HOST_MEMORY, HOST_DISK -> new AlertRule(null, AlertRule.DEFAULT, null, metric,
                    properties.hostPercent(), properties.hostDuration(), null);
        };
    }

    private void checkAccess(UUID projectId, UUID callerId, boolean admin) {
        boolean visible = admin ? resources.ownerOfProject(projectId).isPresent()
                : resources.ownsProject(callerId, projectId);
        if (!visible) {
            throw new NotFound("project", projectId);
        }
    }

    static Valid validate(NewAlertRule request, boolean platform) {
        if (request == null) {
            throw new InvalidInput("metric", "is required");
        }
        AlertMetric metric = AlertMetric.fromApiName(request.metric())
                .filter(found -> platform || !found.host())
                .orElseThrow(() -> new InvalidInput("metric", platform
                        ? "must be memory, cpu, host-cpu, host-memory or host-disk" : "must be memory or cpu"));
        Double threshold = request.thresholdPercent();
        if (threshold == null || threshold.isNaN() || threshold < 1 || threshold > 100) {
            throw new InvalidInput("thresholdPercent", "must be a number from 1 to 100");
        }
        Duration duration = parseDuration(request.duration());
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new InvalidInput("duration", "must be from 1m to 24h");
        }
        return new Valid(metric, threshold, duration);
    }

    private static Duration parseDuration(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("duration", "is required (for example 5m)");
        }
        Matcher matcher = SHORT_DURATION.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("duration", "must be like 90s, 5m or 2h");
        }
    }

    record Valid(AlertMetric metric, double threshold, Duration duration) {
    }

    /** The rules of one pass: the platform's per metric and each project's own. */
    record RuleSet(List<AlertRule> platform, Map<UUID, List<AlertRule>> byProject) {

        List<AlertRule> forContainer(UUID projectId) {
            List<AlertRule> rules = new ArrayList<>();
            platform.stream().filter(rule -> !rule.metric().host()).forEach(rules::add);
            if (projectId != null) {
                rules.addAll(byProject.getOrDefault(projectId, List.of()));
            }
            return rules;
        }

        List<AlertRule> forHost() {
            return platform.stream().filter(rule -> rule.metric().host()).toList();
        }
    }
}
