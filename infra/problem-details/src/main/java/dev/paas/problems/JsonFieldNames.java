package dev.paas.problems;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;

/**
 * Turns a bean property path of a validation error ({@code repo.fullName}) into the JSON names the client sent,
 * which differ where a request type renames a property with {@code @JsonProperty}. Segments it cannot resolve (list
 * elements, maps) are kept as they are.
 */
final class JsonFieldNames {

    private JsonFieldNames() {
    }

    static String of(Class<?> target, String path) {
        StringBuilder json = new StringBuilder();
        Class<?> type = target;
        for (String segment : path.split("\\.")) {
            int index = segment.indexOf('[');
            String name = index < 0 ? segment : segment.substring(0, index);
            String suffix = index < 0 ? "" : segment.substring(index);
            Property property = type == null ? null : property(type, name);
            json.append(json.isEmpty() ? "" : ".").append(property == null ? name : property.jsonName()).append(suffix);
            type = property == null || !suffix.isEmpty() ? null : property.type();
        }
        return json.toString();
    }

    private static Property property(Class<?> type, String name) {
        // A record's @JsonProperty lands on its private field, so fields cover records too.
        for (Class<?> owner = type; owner != null && owner != Object.class; owner = owner.getSuperclass()) {
            for (Field field : owner.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return new Property(renamed(field.getAnnotation(JsonProperty.class), name), field.getType());
                }
            }
        }
        return null;
    }

    private static String renamed(JsonProperty annotation, String name) {
        return annotation == null || annotation.value().isEmpty() ? name : annotation.value();
    }

    private record Property(String jsonName, Class<?> type) {
    }
}
