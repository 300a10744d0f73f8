package dev.specboard.kernel;

/**
 * How often a leased job (a repository sync, an assistant or refactor job) is taken up again after its worker let the
 * lease lapse: a run that kills its server (out of memory) did so on every instance that claimed it after a restart.
 */
public final class LeaseLapses {

    /** A job whose lease lapsed this often (each claim counted in its {@code attempts}) fails instead of being claimed. */
    public static final int MAX = 2;

    /** What the failed job says. */
    public static final String REASON = "It stopped twice before finishing (the server restarted or ran out of memory); "
            + "start it again once the cause is fixed.";

    private LeaseLapses() {
    }
}
