package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerSockets;
import dev.paas.runtime.container.ContainerState;
import dev.paas.runtime.container.ListeningSocket;
import dev.paas.runtime.container.StartedContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for a new container to answer HTTP on its published port: any status below 500 counts, so an app
 * without a page at {@code /} is still healthy. Between attempts it asks Docker whether the container is
 * still running, so a crash fails the rollout at once instead of after the timeout. An app that keeps running
 * but never answers is explained by the sockets it listens on inside its container ({@link ContainerSockets})
 * and its last log lines.
 */
class HealthProbe {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final AppContainers containers;
    private final ContainerSockets sockets;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final int logLines;

    HealthProbe(AppContainers containers, ContainerSockets sockets,
            ScheduledExecutorService scheduler, Duration interval, int logLines) {
        this.containers = containers;
        this.sockets = sockets;
        this.scheduler = scheduler;
        this.interval = interval;
        this.logLines = logLines;
    }

    /** Completes when the app answers, its container stops, or {@code timeout} has passed. */
    CompletableFuture<Outcome> await(StartedContainer container, int appPort, Duration timeout) {
        return await(container, appPort, timeout, HealthCheck.DEFAULT);
    }

    /** Completes when the app passes {@code check}, its container stops, or {@code timeout} has passed. */
    CompletableFuture<Outcome> await(StartedContainer container, int appPort, Duration timeout, HealthCheck check) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpRequest request = request(container.address(), check);
        // the probe's own connection closes after each answer, so it never keeps a drained replica busy
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        AtomicInteger lastStatus = new AtomicInteger();
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(() -> {
            if (outcome.isDone()) {
                return;
            }
            try {
                Outcome result = probeOnce(container, appPort, request, check, started, deadline, timeout,
                        lastStatus);
                if (result != null) {
                    outcome.complete(result);
                }
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        outcome.whenComplete((result, failure) -> polling.cancel(false));
        return outcome;
    }

    /**
     * One check of a running replica, as the periodic health check does it.
     *
     * @return {@code null} when it passed, else why not
     */
    String checkOnce(String address, HealthCheck check) {
        if (check.tcp()) {
            return connects(address) ? null : "nothing accepted a TCP connection on " + address;
        }
        Integer status = answer(request(address, check));
        if (status == null) {
            return check.describe() + " got no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return check.passes(status) ? null : check.describe() + " answered HTTP " + status;
    }

    private static HttpRequest request(String address, HealthCheck check) {
        return HttpRequest.newBuilder(URI.create("http://" + address + check.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "paas-runtime-health")
                .GET()
                .build();
    }

    private static boolean connects(String address) {
        int colon = address.lastIndexOf(':');
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), (int) REQUEST_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Outcome probeOnce(StartedContainer container, int appPort, HttpRequest request, HealthCheck check,
            long started, long deadline, Duration timeout, AtomicInteger lastStatus) {
        if (check.tcp()) {
            if (connects(container.address())) {
                return new Answered(0, Duration.ofNanos(System.nanoTime() - started));
            }
        } else {
            Integer status = answer(request);
            if (status != null && check.passes(status)) {
                return new Answered(status, Duration.ofNanos(System.nanoTime() - started));
            }
            if (status != null) {
                lastStatus.set(status);
            }
        }
        ContainerState state = containers.state(container.id());
        if (!state.exists()) {
            return new Exited(-1, false, List.of("the container disappeared"));
        }
        if (!state.running()) {
            return new Exited(state.exitCode(), state.oomKilled(), containers.lastLogLines(container.id(),
                    logLines));
        }
        if (System.nanoTime() - deadline >= 0) {
            return lastStatus.get() > 0 ? new Silent(appPort, timeout, lastStatus.get(), Optional.empty(), List.of())
                    : new Silent(appPort, timeout, 0, sockets.listening(container.id()),
                            containers.lastLogLines(container.id(), logLines));
        }
        return null;
    }

    /*
     * One GET with "Connection: close" on a socket of its own: a pooled keep-alive connection of the probe would
     * count as an open connection of the replica and hold up its drain.
     */
    private Integer answer(HttpRequest request) {
        URI uri = request.uri();
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()),
                    (int) REQUEST_TIMEOUT.toMillis());
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nUser-Agent: paas-runtime-health\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n' && statusLine.length() < 200; c = in.read()) {
                statusLine.append((char) c);
            }
            String[] parts = statusLine.toString().strip().split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return null;
            }
            return Integer.parseInt(parts[1]);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** How the wait ended. */
    sealed interface Outcome {

        /** Why the container is not fit to serve, or {@code null} when it is. */
        String failure();
    }

    /** The app answered with {@code status} after {@code after}. */
    record Answered(int status, Duration after) implements Outcome {

        @Override
        public String failure() {
            return null;
        }
    }

    /** The container stopped before the app answered. */
    record Exited(long exitCode, boolean oomKilled, List<String> lastLogLines) implements Outcome {

        @Override
        public String failure() {
            String cause = oomKilled ? "container was killed for exceeding its memory limit (exit code " + exitCode
                    + ")" : "container exited with code " + exitCode;
            String tail = LogTail.of(lastLogLines);
            return tail.isEmpty() ? cause + " and wrote no log" : cause + ": " + tail;
        }
    }

    /**
     * The container kept running but never answered, or only with server errors ({@code lastStatus}, then
     * nothing else is looked at).
     *
     * @param listening the sockets it listened on at the end, empty when they could not be read
     * @param lastLogLines its last log lines at the end
     */
    record Silent(int appPort, Duration waited, int lastStatus, Optional<List<ListeningSocket>> listening,
            List<String> lastLogLines) implements Outcome {

        @Override
        public String failure() {
            String within = waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
            if (lastStatus > 0) {
                return "app answered only with HTTP " + lastStatus + " on port " + appPort + " within " + within;
            }
            String silent = "app did not answer HTTP on port " + appPort + " within " + within;
            return silent + listening.map(sockets -> PortAdvice.explain(appPort, sockets, lastLogLines))
                    .orElseGet(() -> PortAdvice.logOf(lastLogLines));
        }
    }
}
