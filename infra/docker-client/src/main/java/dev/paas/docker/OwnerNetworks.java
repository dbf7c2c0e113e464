package dev.paas.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Network;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private bridge network of each owner, {@code paas-user-<first 12 hex digits of the owner id>}, shared by the
 * owner's app containers (runtime-service) and managed databases (database-service): containers of different
 * owners' networks cannot reach each other. Each network gets a /26 of its own from {@code 10.112.0.0/12}.
 */
public class OwnerNetworks {

    private static final Logger log = LoggerFactory.getLogger(OwnerNetworks.class);
    private static final String NETWORK_PREFIX = "paas-user-";
    private static final String SHARED_NETWORK = NETWORK_PREFIX + "shared";
    /** Label marking the platform's networks ({@code true}). */
    public static final String MANAGED = "paas.managed";
    /** Label of an owner's network naming the owner ({@code shared} for the shared one). */
    public static final String OWNER = "paas.owner";

    /** One lock per network name: creations in this process never race each other. */
    private static final Map<String, Object> CREATING = new ConcurrentHashMap<>();

    private final DockerClient docker;
    private final DockerCalls calls;

    public OwnerNetworks(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    /**
     * The owner's network name, {@code paas-user-<first 12 hex digits of the owner id>}; {@code paas-user-shared}
     * without an owner.
     */
    public static String networkOf(UUID ownerId) {
        return ownerId == null ? SHARED_NETWORK
                : NETWORK_PREFIX + ownerId.toString().replace("-", "").substring(0, 12);
    }

    /**
     * Creates the owner's network unless it exists and returns its name; two callers creating it at once is fine.
     * Docker's duplicate check is best effort: two creations racing (in this process, or runtime-service and
     * database-service at the same moment) can both succeed, and every container start then fails with "network …
     * is ambiguous". Creations in this process are serialised per owner, and whoever finds more than one network of
     * the name keeps the one with the smallest id and removes the others, so racing callers converge on the same one.
     */
    public String ensure(UUID ownerId) {
        String name = networkOf(ownerId);
        synchronized (CREATING.computeIfAbsent(name, key -> new Object())) {
            if (!exists(name)) {
                create(ownerId, name);
            }
            removeDuplicates(name);
        }
        return name;
    }

    private void create(UUID ownerId, String name) {
        Map<String, String> labels = new HashMap<>();
        labels.put(MANAGED, "true");
        labels.put(OWNER, ownerId == null ? "shared" : ownerId.toString());
        // Docker's default address pools hold about 30 bridge networks, far fewer than a platform has users: each
        // owner's network gets a /26 of its own from 10.112.0.0/12 (16,384 of them), another one when it is taken.
        for (int attempt = 1; ; attempt++) {
            String subnet = OwnerSubnets.random();
            try {
                calls.once("create network " + name, () -> docker.createNetworkCmd()
                        .withName(name)
                        .withDriver("bridge")
                        .withCheckDuplicate(true)
                        .withLabels(labels)
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet)))
                        .exec());
                log.info("created network {} ({}) for the owner's containers", name, subnet);
                return;
            } catch (ConflictException createdMeanwhile) {
                log.debug("network {} was created meanwhile", name);
                return;
            } catch (RuntimeException e) {
                if (exists(name)) {
                    return;
                }
                if (OwnerSubnets.taken(DockerFailures.messageOf(e)) && attempt < 8) {
                    continue;
                }
                throw e;
            }
        }
    }

    /** Removes the owner's network when no container uses it any more; in use or gone already is fine. */
    public void removeIfUnused(UUID ownerId) {
        String name = networkOf(ownerId);
        try {
            calls.once("remove network " + name, () -> {
                docker.removeNetworkCmd(name).exec();
                return null;
            });
            log.info("removed network {}: no container uses it", name);
        } catch (RuntimeException e) {
            // still in use by another of the owner's containers, or gone already
            log.debug("network {} stays: {}", name, e.toString());
        }
    }

    private boolean exists(String name) {
        return !named(name).isEmpty();
    }

    /** The networks called exactly {@code name} (the name filter also matches parts of names), smallest id first. */
    private List<Network> named(String name) {
        return calls.idempotent("list network " + name, () -> docker.listNetworksCmd()
                .withNameFilter(name)
                .exec()
                .stream()
                .filter(network -> name.equals(network.getName()))
                .sorted(Comparator.comparing(Network::getId))
                .toList());
    }

    private void removeDuplicates(String name) {
        List<Network> same = named(name);
        for (Network duplicate : same.subList(Math.min(1, same.size()), same.size())) {
            try {
                calls.once("remove duplicate network " + duplicate.getId(), () -> {
                    docker.removeNetworkCmd(duplicate.getId()).exec();
                    return null;
                });
                log.info("removed network {} ({}): a duplicate of {} created by a racing caller", name,
                        duplicate.getId(), same.get(0).getId());
            } catch (RuntimeException e) {
                log.debug("duplicate network {} ({}) stays: {}", name, duplicate.getId(), e.toString());
            }
        }
    }
}
