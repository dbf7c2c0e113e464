package dev.paas.build.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template variables every generated plan sets: BUILD_IMAGE, RUN_IMAGE, PORT and START_COMMAND. */
final class PlanVariables {

    private PlanVariables() {
    }

    static Map<String, String> common(RuntimeChoice runtime, int port, List<String> start) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("BUILD_IMAGE", runtime.image().buildImage());
        variables.put("RUN_IMAGE", runtime.image().runImage());
        variables.put("PORT", Integer.toString(port));
        variables.put("START_COMMAND", StartCommands.execForm(start));
        return variables;
    }
}
