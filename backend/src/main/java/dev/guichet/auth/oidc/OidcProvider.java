package dev.guichet.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
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
 * audience, expiry, nonce; Nimbus {@link IDTokenValidator}), and the token endpoint's client. A
 * provider that is down at start-up does not stop Guichet: the next login tries again.
 */
@Singleton
public class OidcProvider {

    private final OidcSettings settings;
    private volatile Loaded loaded;

    OidcProvider(OidcSettings settings) {
        this.settings = settings;
    }

    private record Loaded(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

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

    /**
     * Sends a grant to the provider's token endpoint, authenticated with the client secret (HTTP
     * Basic) or, for a public client, with the client id alone.
     *
     * @param grant an authorization code (login) or a refresh token (refresh of a session)
     * @return the provider's answer, a success or an OAuth 2.0 error
     * @throws IOException    when the provider cannot be reached
     * @throws ParseException when its answer is not a token response
     */
    public TokenResponse tokens(AuthorizationGrant grant) throws IOException, ParseException {
        ClientID clientId = new ClientID(settings.clientId());
        URI endpoint = metadata().getTokenEndpointURI();
        TokenRequest request = settings.clientSecret().isBlank()
                ? new TokenRequest(endpoint, clientId, grant)
                : new TokenRequest(
                        endpoint,
                        (ClientAuthentication) new ClientSecretBasic(clientId, new Secret(settings.clientSecret())),
                        grant);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(5000);
        http.setReadTimeout(10000);
        return OIDCTokenResponseParser.parse(http.send());
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
                    OIDCProviderMetadata metadata =
                            OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), 5000, 5000);
                    List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
                    JWSAlgorithm algorithm =
                            algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                                    ? JWSAlgorithm.RS256
                                    : algorithms.getFirst();
                    IDTokenValidator validator = new IDTokenValidator(
                            metadata.getIssuer(),
                            new ClientID(settings.clientId()),
                            algorithm,
                            metadata.getJWKSetURI().toURL());
                    loaded = new Loaded(metadata, validator);
                } catch (GeneralException | MalformedURLException e) {
                    throw new IOException("Invalid OpenID Connect discovery document: " + e.getMessage(), e);
                }
            }
            return loaded;
        }
    }
}
