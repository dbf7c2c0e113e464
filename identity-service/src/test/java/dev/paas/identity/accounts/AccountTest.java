package dev.paas.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The account aggregate keeps the platform's last enabled admin. */
class AccountTest {

    @Test
    void refusesToDemoteTheLastEnabledAdmin() {
        Account admin = TestAccounts.admin("boss@example.com");

        assertThatThrownBy(() -> admin.changeRole(Role.USER, 0))
                .isInstanceOf(LastAdminException.class)
                .hasMessageContaining("cannot demote boss@example.com: it is the last enabled admin");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void demotesAnAdminWhileAnotherEnabledAdminRemains() {
        Account admin = TestAccounts.admin("boss@example.com");

        assertThat(admin.changeRole(Role.USER, 1)).isTrue();
        assertThat(admin.role()).isEqualTo(Role.USER);
        assertThat(admin.roles()).containsExactly("user");
    }

    @Test
    void refusesToDisableTheLastEnabledAdmin() {
        Account admin = TestAccounts.admin("boss@example.com");

        assertThatThrownBy(() -> admin.disable(0))
                .isInstanceOf(LastAdminException.class)
                .hasMessageContaining("cannot disable boss@example.com: it is the last enabled admin");
        assertThat(admin.disabled()).isFalse();
    }

    @Test
    void disablesAUserWhateverTheNumberOfAdmins() {
        Account user = TestAccounts.user("dev@example.com");

        assertThat(user.disable(0)).isTrue();
        assertThat(user.disable(0)).isFalse();
        assertThat(user.disabled()).isTrue();
    }

    @Test
    void keepingTheSameRoleChangesNothing() {
        Account admin = TestAccounts.admin("boss@example.com");

        assertThat(admin.changeRole(Role.ADMIN, 0)).isFalse();
        assertThat(admin.roles()).containsExactly("user", "admin");
    }

    @Test
    void readsRolesInAnyCaseAndRejectsOthers() {
        assertThat(Role.parse(" Admin ")).contains(Role.ADMIN);
        assertThat(Role.parse("user")).contains(Role.USER);
        assertThat(Role.parse("root")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
    }
}
