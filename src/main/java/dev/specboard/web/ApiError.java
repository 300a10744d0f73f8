package dev.specboard.web;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** The JSON error body of API v1: {@code {"error": "...", "details": {...}}}. */
@RegisterForReflection
public record ApiError(String error, Map<String, Object> details) {
}
