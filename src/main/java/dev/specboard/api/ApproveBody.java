package dev.specboard.api;

/**
 * The optional body of an approval (a story, the executive summary, a context, a design doc, a spec): the version the
 * lead read. With it, an approval of a version that is no longer the current one is 409; without it the current
 * version is approved.
 */
public record ApproveBody(Integer version) {
}
