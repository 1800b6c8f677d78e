package dev.guichet.auth;

import com.password4j.Password;
import jakarta.inject.Singleton;

/**
 * Hashes and verifies passwords with Argon2id through password4j. Parameters live in
 * {@code psw4j.properties} (OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
 */
@Singleton
public class PasswordHasher {

    /** @return a self-describing Argon2id hash (PHC string) of {@code password}, with a random salt */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt().withArgon2().getResult();
    }

    /** @return whether {@code password} matches {@code hash}; false for a malformed hash */
    public boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).withArgon2();
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
