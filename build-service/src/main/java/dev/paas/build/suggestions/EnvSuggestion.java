package dev.paas.build.suggestions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An environment variable a project probably needs, and why.
 *
 * @param name the variable
 * @param reason where the suggestion comes from: the comment above it in {@code .env.example}, or what the stack
 *     implies
 * @param example a value to start from, when one is known; {@code null} otherwise
 * @param required {@code true} when the app cannot work without it, {@code false} when the platform or a default
 *     provides it; {@code null} when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvSuggestion(String name, String reason, String example, Boolean required) {}
