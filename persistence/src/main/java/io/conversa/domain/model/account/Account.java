package io.conversa.domain.model.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person who may use Conversa: staff with a username and password, or a WhatsApp user by number. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "Account.findByUsername", query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.countWithRole", query = "SELECT COUNT(a) FROM Account a JOIN a.roles r WHERE r = :role")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String phone;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {
    }

    public static Account staff(String username, String passwordHash, Role role) {
        Account account = new Account();
        account.username = username;
        account.displayName = username;
        account.passwordHash = passwordHash;
        account.roles.add(role);
        return account;
    }

    /** A WhatsApp user, known by their number, who logs in with codes and has no password. */
    public static Account phoneUser(String e164) {
        Account account = new Account();
        account.username = e164;
        account.phone = e164;
        account.displayName = e164;
        account.roles.add(Role.user);
        return account;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
