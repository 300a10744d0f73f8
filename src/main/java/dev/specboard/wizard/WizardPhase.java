package dev.specboard.wizard;

/** One step of some wizard, as a {@link WizardRun} records it: its key in the phase history and the answers. */
public interface WizardPhase {

    String key();
}
