package dev.specboard.design;

import java.util.UUID;

/** A project's design system needs recomputing (a mockup was saved or made current, a member named or merged a token). */
public record DesignSystemRequested(UUID projectId) {
}
