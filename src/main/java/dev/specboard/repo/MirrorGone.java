package dev.specboard.repo;

import dev.specboard.web.Gone;

/** A repository's mirror is not on disk: the repository was removed while a request read it, or was never synced. */
public class MirrorGone extends GitProblem implements Gone {

    public MirrorGone(String repoName) {
        super("The repository " + repoName + " is not here any more (it was removed), or has not been synced yet.");
    }
}
