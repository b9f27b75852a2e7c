package io.vertice.dash.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form in which a server may echo a credential is scrubbed; ordinary words are not. */
class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bearer token as sent            | Authorization | Bearer glsa_Zx81_tokenValue | got 'Bearer glsa_Zx81_tokenValue'             | got '<redacted>'",
                "the token alone                 | Authorization | Bearer glsa_Zx81_tokenValue | token glsa_Zx81_tokenValue expired            | token <redacted> expired",
                "basic auth header value         | Authorization | Basic b3BzOnMzY3IzdC9wdw== | got Basic b3BzOnMzY3IzdC9wdw==                | got <redacted>",
                "the decoded password            | Authorization | Basic b3BzOnMzY3IzdC9wdw== | user ops password s3cr3t/pw                   | user ops password <redacted>",
                "the password URL-encoded        | Authorization | Basic b3BzOnMzY3IzdC9wdw== | pw=s3cr3t%2Fpw&x=1                            | pw=<redacted>&x=1",
                "the password JSON-escaped       | Authorization | Basic b3BzOnMzY3IzdC9wdw== | {\"pw\":\"s3cr3t\\/pw\"}                      | {\"pw\":\"<redacted>\"}",
                "an API key header               | X-Api-Key     | key-0f9e8d7c6b             | bad key key-0f9e8d7c6b                        | bad key <redacted>",
                "a non-secret header is kept     | X-Scope-OrgID | cockpit-tenant             | tenant cockpit-tenant unknown                 | tenant cockpit-tenant unknown",
            })
    void scrubbed(String name, String header, String value, String answer, String printed) {
        Secrets.registerHeader(header, value);
        assertThat(Secrets.scrub(answer)).isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "user and password from a URL | alice | pa55:w/rd+x",
                "password without a user      |       | only-a-password",
            })
    void basicCredentialsInEveryForm(String name, String user, String password) {
        Secrets.registerBasic(user, password);
        String pair = (user == null ? "" : user) + ":" + password;
        String b64 = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        String echoed =
                password + " " + URLEncoder.encode(password, StandardCharsets.UTF_8) + " " + b64 + " Basic " + b64;
        assertThat(Secrets.scrub(echoed))
                .doesNotContain(password)
                .doesNotContain(b64)
                .doesNotContain(URLEncoder.encode(password, StandardCharsets.UTF_8))
                .contains(Secrets.REDACTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a three-letter password would mangle words | abc | abcde fabc",
            })
    void tooShortToScrub(String name, String secret, String text) {
        Secrets.register(secret);
        assertThat(Secrets.scrub(text)).isEqualTo(text);
    }
}
