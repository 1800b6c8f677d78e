package dev.guichet.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The provider's discovery document (OpenID Connect Discovery 1.0), fetched on first use and kept,
 * and the ID token validator built from it (signature against the provider's JWK set, issuer,
 * audience, expiry, nonce; Nimbus {@link IDTokenValidator}). A provider that is down at start-up
 * does not stop Guichet: the next login tries again.
 */
@Singleton
public class OidcProvider {

    private final OidcSettings settings;
    private volatile Loaded loaded;

    OidcProvider(OidcSettings settings) {
        this.settings = settings;
    }

    private record Loaded(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /**
     * @return the discovery document
     * @throws IOException when the provider cannot be reached or its document is invalid
     */
    public OIDCProviderMetadata metadata() throws IOException {
        return load().metadata();
    }

    /** @return the ID token validator (keys fetched from {@code jwks_uri} and cached by Nimbus) */
    public IDTokenValidator validator() throws IOException {
        return load().validator();
    }

    /** @return the provider's end-session endpoint (RP-initiated logout), if it offers one and is reachable */
    public Optional<URI> endSessionEndpoint() {
        try {
            return Optional.ofNullable(metadata().getEndSessionEndpointURI());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Loaded load() throws IOException {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (loaded == null) {
                try {
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), 5000, 5000);
                    List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
                    JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                            ? JWSAlgorithm.RS256 : algorithms.getFirst();
                    IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                            algorithm, metadata.getJWKSetURI().toURL());
                    loaded = new Loaded(metadata, validator);
                } catch (GeneralException | MalformedURLException e) {
                    throw new IOException("Invalid OpenID Connect discovery document: " + e.getMessage(), e);
                }
            }
            return loaded;
        }
    }
}
