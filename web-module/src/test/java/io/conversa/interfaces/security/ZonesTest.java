package io.conversa.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZonesTest {

    private final Zones split = new Zones(9081);

    @Test
    void hidesAdminAndWebhookOnThePublicPort() {
        assertThat(split.hides("/api/v1/admin/audit", 9080)).isTrue();
        assertThat(split.hides("/admin/conversations.xhtml", 9080)).isTrue();
        assertThat(split.hides("/webhook/whatsapp", 9080)).isTrue();
        assertThat(split.hides("/api/v1/admin", 9080)).isTrue();
    }

    @Test
    void keepsTheStaffLoginWithTheAdminPages() {
        assertThat(split.hides("/login.html", 9080)).isTrue();
        assertThat(split.hides("/login", 9080)).isTrue();
        assertThat(split.hides("/login.html", 9081)).isFalse();
        assertThat(split.hides("/login", 9081)).isFalse();
        assertThat(new Zones(null).hides("/login.html", 9080)).isFalse();
    }

    @Test
    void servesThemOnTheInternalPort() {
        assertThat(split.hides("/api/v1/admin/audit", 9081)).isFalse();
        assertThat(split.hides("/webhook/whatsapp", 9081)).isFalse();
    }

    @Test
    void servesTheUserAndIntegratorApiOnThePublicPort() {
        assertThat(split.hides("/api/v1/conversations", 9080)).isFalse();
        assertThat(split.hides("/api/v1/auth/request-code", 9080)).isFalse();
        assertThat(split.hides("/api/v1/administrators-are-not-a-prefix", 9080)).isFalse();
    }

    @Test
    void servesEverythingEverywhereWithOnePort() {
        assertThat(new Zones(null).hides("/api/v1/admin/audit", 9080)).isFalse();
        assertThat(new Zones(-1).hides("/webhook/whatsapp", 9080)).isFalse();
    }
}
