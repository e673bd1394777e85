package im.magpie.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format {@code $argon2id$v=19$m=<KiB>,t=<n>,p=<n>$<salt>$<hash>}
 * (unpadded base64). The parameters are stored with each hash, so they can be raised later.
 */
public final class PasswordHasher {
    /**
     * 12 MiB, 3 passes, 1 lane: one of OWASP's recommended Argon2id settings. Measured about 38 ms per
     * hash on the 2-core build machine (JIT warm), inside the 20–50 ms target.
     */
    public static final Params DEFAULT = new Params(12 * 1024, 3, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_PASSWORD_CHARS = 1024;

    private final Params params;
    private final SecureRandom random;

    public PasswordHasher(Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    /** Argon2id cost: memory in KiB, iterations, parallelism. */
    public record Params(int memoryKib, int iterations, int parallelism) {}

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code phc}; false for a wrong password or a malformed string. */
    public boolean verify(String password, String phc) {
        String[] parts = phc.split("\\$", -1);
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            Params stored = parseParams(parts[3]);
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, stored, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Params parseParams(String text) {
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : text.split(",", -1)) {
            String[] pair = kv.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("bad parameter " + kv);
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("unknown parameter " + pair[0]);
            }
        }
        if (m < 8 || t < 1 || p < 1 || m > 4 * 1024 * 1024 || t > 100 || p > 64) {
            throw new IllegalArgumentException("parameters out of range");
        }
        return new Params(m, t, p);
    }

    private static byte[] derive(String password, byte[] salt, Params params, int length) {
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_CHARS + " characters");
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
