package io.noetl.schemas.template;

/**
 * What {@code token(name[, audience])} in a template calls (NoETL's token helper): a worker puts one into the
 * render context under {@link Templates#TOKEN_SOURCE}; where none is present, calling {@code token(...)} is a
 * template error.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * A bearer token for the credential {@code name}.
     *
     * @param name     a keychain entry or credential name
     * @param audience the audience an ID token is minted for, or null for an access token
     */
    String token(String name, String audience);
}
