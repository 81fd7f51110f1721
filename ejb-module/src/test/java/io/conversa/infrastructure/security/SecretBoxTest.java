package io.conversa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private SecretBox box;

    @BeforeEach
    void aBoxUnderAKnownMasterKey() {
        MasterKey master = new MasterKey();
        master.configured = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));
        master.load();
        box = new SecretBox();
        box.master = master;
        box.check();
    }

    @Test
    void sealsUnderTheGivenKeyAndOpensWithTheKeyTheValueNames() {
        String first = box.seal("EAAG-access-token", 1);
        String second = box.seal("EAAG-access-token", 2);
        assertThat(first).startsWith("1:").doesNotContain("EAAG");
        assertThat(second).startsWith("2:");
        assertThat(box.open(first)).isEqualTo("EAAG-access-token");
        assertThat(box.open(second)).isEqualTo("EAAG-access-token");
        assertThat(box.seal("same", 1)).isNotEqualTo(box.seal("same", 1)); // a fresh nonce each time
    }

    @Test
    void refusesAlteredValuesAndValuesMovedToAnotherKeyId() {
        String sealed = box.seal("secret", 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(2));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open("1:" + Base64.getEncoder().encodeToString(bytes))).hasMessageContaining("altered");
        assertThatThrownBy(() -> box.open("2:" + sealed.substring(2))).hasMessageContaining("data key 2");
    }
}
