package im.magpie.server.config;

/**
 * Argon2id cost of new password hashes (each hash stores its own parameters, so a change applies to passwords set
 * afterwards). The defaults are one of OWASP's recommended settings; lower values exist for benchmarks that seed
 * thousands of users, never for production.
 */
public record PasswordHashingConfig(int memoryKib, int iterations, int parallelism) {
    public static PasswordHashingConfig defaults() {
        return new PasswordHashingConfig(12 * 1024, 3, 1);
    }

    /** True when weaker than the defaults in memory or passes. */
    public boolean belowDefaults() {
        PasswordHashingConfig d = defaults();
        return memoryKib < d.memoryKib || iterations < d.iterations;
    }
}
