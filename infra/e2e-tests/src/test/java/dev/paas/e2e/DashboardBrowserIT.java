package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.fakestripe.FakeStripe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: {@code infra/e2e-tests/browser/flow.mjs} drives Debian's Chromium through
 * playwright-core (sign up, a new project from a sample repository, running, its URL, a variable and a redeploy, live
 * logs, a rollback, a database linked, metrics, a top-up through a fake Stripe Checkout), at desktop and phone sizes,
 * and checks console errors, the first page's load time and that no secret lands in storage or URLs. Screenshots of
 * every step go to {@code target/dashboard-screenshots/}. {@code ./paas deps} installs Chromium; this test installs the
 * npm project ({@code npm ci}) when its node_modules are missing.
 */
class DashboardBrowserIT {

    private static final Path BROWSER_TESTS = Path.of(System.getProperty("paas.browser-tests", "browser"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("paas.screenshots",
            "target/dashboard-screenshots"));
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(Long.getLong("paas.browser-flow.minutes", 20));
    private static FakeStripe stripe;

    @BeforeAll
    static void startFakeStripe() {
        stripe = Platform.fakeStripe();
    }

    @AfterAll
    static void stopFakeStripe() {
        stripe.close();
    }

    @Test
    void aNewUserDeploysOperatesAndPaysThroughTheDashboardInChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("paas.chromium", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium)).as("%s is missing: ./paas deps installs Debian's chromium", chromium)
                .isTrue();
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", BROWSER_TESTS, install.output()).isZero();
        }
        Path repo = SampleRepositories.create("node-hello", "main");
        Files.createDirectories(SCREENSHOTS);

        Run flow = run(List.of("node", "flow.mjs"), Map.of(
                "PAAS_GATEWAY", System.getProperty("paas.gateway", "http://127.0.0.1:8080"),
                "PAAS_INGRESS", System.getProperty("paas.ingress", "http://127.0.0.1:8000"),
                "PAAS_REPO_URL", SampleRepositories.url(repo),
                "PAAS_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "PAAS_CHROMIUM", chromium.toString()), FLOW_TIMEOUT);

        assertThat(flow.exitCode()).as("the browser flow failed (screenshots in %s):%n%s",
                SCREENSHOTS.toAbsolutePath(), flow.output()).isZero();
    }

    /** Runs a command in the browser tests' directory, streaming its output, bounded by {@code timeout}. */
    private static Run run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended or was stopped: what was read stays in output
            }
        });
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(10));
        synchronized (output) {
            String text = ended ? output.toString()
                    : output + "\n" + String.join(" ", command) + " did not end within " + timeout + " and was stopped";
            return new Run(ended ? process.exitValue() : -1, text);
        }
    }

    private record Run(int exitCode, String output) {
    }
}
