package dev.paas.runtime.databases;

import dev.paas.sealing.SealedBox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens {@code DatabaseLinked.sealedVariables}: a JSON object of names to values that database-service sealed under
 * {@code PAAS_DATABASE_LINK_KEY} for {@code database-link:<projectId>:<databaseId>}. Without a key every link is
 * rejected (the service runs all the same).
 */
final class DatabaseLinkKey {

    static final String SETTING = "paas.runtime.database-link-key (PAAS_DATABASE_LINK_KEY)";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private final Optional<SealedBox> box;

    private DatabaseLinkKey(Optional<SealedBox> box) {
        this.box = box;
    }

    /** The key of the setting; none when it is empty; fails naming the setting when it is malformed. */
    static DatabaseLinkKey of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new DatabaseLinkKey(Optional.empty());
        }
        return new DatabaseLinkKey(Optional.of(SealedBox.ofBase64(base64Key, SETTING)));
    }

    boolean configured() {
        return box.isPresent();
    }

    /** The variables in the order database-service gave them; {@link LinkRejected} naming the link otherwise. */
    Map<String, String> open(UUID projectId, UUID databaseId, String sealedVariables) {
        String link = "the link of database " + databaseId + " to project " + projectId;
        SealedBox key = box.orElseThrow(() -> new LinkRejected(SETTING + " is not set: " + link + " is rejected "
                + "(give runtime-service the same key as database-service and link the database again)"));
        String json;
        try {
            json = key.open(sealedVariables, "database-link:" + projectId + ":" + databaseId);
        } catch (RuntimeException e) {
            // the cause's message names the purpose only, never a value
            throw new LinkRejected("the variables of " + link + " do not open under " + SETTING
                    + ": another key, or tampered with", e);
        }
        JsonNode object;
        try {
            object = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new LinkRejected("the variables of " + link + " are not JSON");
        }
        if (object == null || !object.isObject()) {
            throw new LinkRejected("the variables of " + link + " are not a JSON object");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!NAME.matcher(entry.getKey()).matches()) {
                throw new LinkRejected("the variables of " + link + " hold a name that is not a variable name");
            }
            if (!entry.getValue().isString()) {
                throw new LinkRejected("the variable " + entry.getKey() + " of " + link + " is not text");
            }
            variables.put(entry.getKey(), entry.getValue().asString());
        }
        return variables;
    }
}
