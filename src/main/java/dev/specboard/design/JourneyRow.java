package dev.specboard.design;

import java.util.UUID;

/** A journey in the list: its name, type, whether it is the primary flow and how many nodes it has. */
public record JourneyRow(UUID id, String name, String flowType, String description, boolean primary, long nodes) {
}
