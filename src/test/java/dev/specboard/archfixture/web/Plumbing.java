package dev.specboard.archfixture.web;

import dev.specboard.archfixture.alpha.Alpha;

/** Plumbing that uses a feature: the architecture rules must refuse it. */
public class Plumbing {

    public Alpha feature() {
        return new Alpha();
    }
}
