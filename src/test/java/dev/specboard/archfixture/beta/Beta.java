package dev.specboard.archfixture.beta;

import dev.specboard.archfixture.alpha.Alpha;

/** The other half of the deliberate cycle. */
public class Beta {

    public Alpha alpha() {
        return new Alpha();
    }
}
