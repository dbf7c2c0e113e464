package dev.paas.build.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the classic builder's output stream: passes complete lines on to the build log, remembers which images this
 * build created (so a failed build can remove them) and the lines that explain a failure.
 */
final class BuildOutput {

    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : (.*)$");
    private static final Pattern LAYER = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");
    private static final Pattern RUNNING_IN = Pattern.compile("^ ---> Running in ([0-9a-f]{12,64})$");
    private static final Pattern ERROR_LINE = Pattern.compile(
            "(?i)(\\berr(or)?\\b|\\berr!|\\bfailed\\b|\\bnot found\\b|\\bcannot\\b|\\bdenied\\b)");
    private static final Pattern WARNING_LINE = Pattern.compile("(?i)\\bwarn(ing)?\\b");
    private static final int MAX_LINE = 4000;

    private final Consumer<String> log;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> createdImages = new ArrayList<>();
    private final List<String> stepLines = new ArrayList<>();
    private String stepInstruction = "";
    private String runningContainer;
    private boolean stepIsFrom;
    private boolean stepUsedCache;
    private int steps;
    private int cachedSteps;

    BuildOutput(Consumer<String> log) {
        this.log = log;
    }

    /** A chunk of the {@code stream} field: may hold several lines or end in the middle of one. */
    void append(String chunk) {
        partial.append(chunk.replace("\r\n", "\n"));
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /** Flushes a last line that had no newline. */
    void finish() {
        if (!partial.isEmpty()) {
            line(partial.toString());
            partial.setLength(0);
        }
    }

    /** Images created by this build's steps, oldest first; base images and cache hits are not included. */
    List<String> createdImages() {
        return List.copyOf(createdImages);
    }

    /** Steps the build ran or took from cache, {@code FROM} steps not counted (they have nothing to cache). */
    int steps() {
        return steps;
    }

    /** Steps the engine answered from its layer cache ({@code ---> Using cache}). */
    int cachedSteps() {
        return cachedSteps;
    }

    /** The intermediate container of the step that was running when the output ended, if any. */
    Optional<String> runningContainer() {
        return Optional.ofNullable(runningContainer);
    }

    /**
     * The line that best explains a failure: the first error-like line the failing step printed (tools print the
     * cause first and boilerplate after it, as in {@code npm ERR! code E404 ... npm ERR! A complete log ...}), else
     * the engine's own error ({@code The command ... returned a non-zero code: 1}).
     */
    String failureLine(String daemonError) {
        if (stepIsFrom) {
            return "base image " + baseImage() + " is not available in the local Docker engine and could not be"
                    + " pulled (" + (daemonError == null ? "no reason given" : daemonError.strip()) + ")";
        }
        for (String stepLine : stepLines) {
            String line = stepLine.strip();
            if (!line.isEmpty() && ERROR_LINE.matcher(line).find() && !WARNING_LINE.matcher(line).find()) {
                return line;
            }
        }
        return daemonError == null || daemonError.isBlank() ? "the Docker engine reported no reason" : daemonError.strip();
    }

    /** The engine's error: logged, but not part of the step's own output. */
    void error(String message) {
        finish();
        log.accept("ERROR: " + message);
    }

    private String baseImage() {
        for (String token : stepInstruction.strip().split("\\s+")) {
            if (!token.equalsIgnoreCase("FROM") && !token.startsWith("--")) {
                return token;
            }
        }
        return stepInstruction;
    }

    private void line(String raw) {
        String line = stripControl(raw);
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE) + " …";
        }
        log.accept(line);
        var step = STEP.matcher(line);
        if (step.matches()) {
            stepLines.clear();
            stepInstruction = step.group(1);
            stepIsFrom = stepInstruction.toUpperCase(Locale.ROOT).startsWith("FROM ");
            stepUsedCache = false;
            if (!stepIsFrom) {
                steps++;
            }
            return;
        }
        var container = RUNNING_IN.matcher(line);
        if (container.matches()) {
            runningContainer = container.group(1);
            return;
        }
        if (line.equals(" ---> Using cache")) {
            if (!stepUsedCache && !stepIsFrom) {
                cachedSteps++;
            }
            stepUsedCache = true;
            return;
        }
        var layer = LAYER.matcher(line);
        if (layer.matches()) {
            runningContainer = null;
            if (!stepIsFrom && !stepUsedCache) {
                createdImages.add(layer.group(1));
            }
            return;
        }
        stepLines.add(line);
    }

    private static String stripControl(String line) {
        // Progress bars redraw with carriage returns and colour codes; the log keeps the final text only.
        String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int lastReturn = trimmed.lastIndexOf('\r');
        String text = lastReturn >= 0 ? trimmed.substring(lastReturn + 1) : trimmed;
        return text.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
    }
}
