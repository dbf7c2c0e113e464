package dev.paas.build.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Dockerfile template ({@code templates/<name>} on the classpath): each {@code {{NAME}}} placeholder is
 * replaced by the plan's variable of that name, and a line holding only {@code {{EXTRA_CA}}} by the extra CA block
 * (or nothing). A template without that line never receives the CA file. A placeholder without a value is a bug in
 * the planner: rendering fails rather than produce a broken Dockerfile.
 */
public final class DockerfileTemplates {

    /** Name of the extra CA bundle inside the build context. */
    public static final String EXTRA_CA_FILE = ".paas-extra-ca.crt";

    static final String EXTRA_CA = "{{EXTRA_CA}}";
    private static final String EXTRA_CA_FRAGMENT = "extra-ca.fragment";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private final Function<String, String> resources;

    /** Templates read from {@code templates/} on the classpath. */
    public DockerfileTemplates() {
        this(DockerfileTemplates::readClasspathTemplate);
    }

    /** Templates read by a function from resource name to content, {@code null} when absent (tests). */
    public DockerfileTemplates(Function<String, String> resources) {
        this.resources = resources;
    }

    /** The Dockerfile from {@code template}, with the extra CA block where the template has a place for it. */
    public String render(String template, Map<String, String> variables, boolean withExtraCa) {
        String extraCa = withExtraCa
                ? resource(EXTRA_CA_FRAGMENT).replace("{{EXTRA_CA_FILE}}", EXTRA_CA_FILE).stripTrailing()
                : null;
        StringBuilder dockerfile = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        for (String line : resource(template).split("\n", -1)) {
            if (line.strip().equals(EXTRA_CA)) {
                if (extraCa != null) {
                    dockerfile.append(extraCa).append('\n');
                }
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder rendered = new StringBuilder();
            while (matcher.find()) {
                String value = variables.get(matcher.group(1));
                if (value == null) {
                    missing.add(matcher.group(1));
                    value = matcher.group();
                }
                matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(rendered);
            dockerfile.append(rendered).append('\n');
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("template templates/" + template + " left placeholders without a value: "
                    + String.join(", ", missing));
        }
        return dockerfile.toString().stripTrailing() + "\n";
    }

    /** Whether the template has a place for the extra CA block. */
    public boolean usesExtraCa(String template) {
        return resource(template).lines().anyMatch(line -> line.strip().equals(EXTRA_CA));
    }

    /** Fails when a template a planner may choose is missing from the classpath, or the CA fragment is. */
    public void verify(Collection<String> templates) {
        for (String template : templates) {
            resource(template);
        }
        resource(EXTRA_CA_FRAGMENT);
    }

    private String resource(String name) {
        String content = resources.apply(name);
        if (content == null) {
            throw new IllegalStateException("template templates/" + name + " not found on the classpath");
        }
        return content.replace("\r\n", "\n");
    }

    private static String readClasspathTemplate(String name) {
        try (InputStream in = DockerfileTemplates.class.getResourceAsStream("/templates/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/" + name, e);
        }
    }
}
