package dev.paas.build.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a runtime's Dockerfile template ({@code templates/<name>.Dockerfile} on the classpath). Placeholders:
 * {@code {{BASE_IMAGE}}}, {@code {{PORT}}}, {@code {{START_COMMAND}}} (the exec-form command array) and, on a line of
 * its own, {@code {{EXTRA_CA}}} where the extra CA block goes. A template without the {@code {{EXTRA_CA}}} line never
 * receives the CA file.
 */
public final class DockerfileTemplates {

    /** Name of the extra CA bundle inside the build context. */
    public static final String EXTRA_CA_FILE = ".paas-extra-ca.crt";

    static final String BASE_IMAGE = "{{BASE_IMAGE}}";
    static final String PORT = "{{PORT}}";
    static final String EXTRA_CA = "{{EXTRA_CA}}";
    static final String START_COMMAND = "{{START_COMMAND}}";
    private static final String EXTRA_CA_FRAGMENT = "extra-ca.fragment";

    private final Function<String, String> resources;

    /** Templates read from {@code templates/} on the classpath. */
    public DockerfileTemplates() {
        this(DockerfileTemplates::readClasspathTemplate);
    }

    /** Templates read by a function from resource name to content, {@code null} when absent (tests). */
    public DockerfileTemplates(Function<String, String> resources) {
        this.resources = resources;
    }

    /** The Dockerfile for a runtime, with or without the extra CA block, starting the app with {@code startCommand}. */
    public String render(Runtime runtime, boolean withExtraCa, List<String> startCommand) {
        String template = template(runtime);
        String extraCa = withExtraCa && usesExtraCa(runtime)
                ? resource(EXTRA_CA_FRAGMENT).replace("{{EXTRA_CA_FILE}}", EXTRA_CA_FILE).stripTrailing()
                : null;
        StringBuilder dockerfile = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            if (line.strip().equals(EXTRA_CA)) {
                if (extraCa != null) {
                    dockerfile.append(extraCa).append('\n');
                }
                continue;
            }
            dockerfile.append(line.replace(BASE_IMAGE, runtime.image())
                    .replace(PORT, Integer.toString(runtime.port()))
                    .replace(START_COMMAND, NodeStartCommand.asExecForm(startCommand))).append('\n');
        }
        return dockerfile.toString().stripTrailing() + "\n";
    }

    /** Whether the runtime's template lets the start command be chosen per repository. */
    public boolean usesStartCommand(Runtime runtime) {
        return template(runtime).contains(START_COMMAND);
    }

    /** Whether the runtime's template has a place for the extra CA block. */
    public boolean usesExtraCa(Runtime runtime) {
        return template(runtime).lines().anyMatch(line -> line.strip().equals(EXTRA_CA));
    }

    /** Fails when a catalog entry names a template that is missing or has no base image placeholder. */
    public void verify(RuntimeCatalog catalog) {
        for (Runtime runtime : catalog.runtimes()) {
            if (!template(runtime).contains(BASE_IMAGE)) {
                throw new IllegalStateException("template templates/" + runtime.template() + " of runtime '"
                        + runtime.name() + "' has no " + BASE_IMAGE + " placeholder");
            }
        }
        resource(EXTRA_CA_FRAGMENT);
    }

    private String template(Runtime runtime) {
        return resource(runtime.template());
    }

    private String resource(String name) {
        String content = resources.apply(name);
        if (content == null) {
            throw new IllegalStateException("template templates/" + name + " not found on the classpath");
        }
        return content.replace("\r\n", "\n");
    }

    private static String readClasspathTemplate(String name) {
        try (InputStream in = DockerfileTemplates.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/" + name, e);
        }
    }
}
