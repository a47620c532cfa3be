package io.tokenwarden.agencies;

/** One agency a person belongs to, and their role there. */
public record AgencyRole(long agencyId, String agencyName, Role role) {
}
