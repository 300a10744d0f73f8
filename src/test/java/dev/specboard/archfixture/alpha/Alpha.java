package dev.specboard.archfixture.alpha;

import dev.specboard.archfixture.beta.Beta;

/** Half of a deliberate cycle between two feature packages: the architecture rules must refuse it. */
public class Alpha {

    public Beta beta() {
        return new Beta();
    }
}
