package dev.inkstone.auth;

import java.util.Locale;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    READER, EDITOR, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be reader, editor or admin, got '" + id + "'");
    }
}
