/**
 * The team: Config > Members, invitations, roles and removal, forgotten and changed passwords and the
 * password policy, Admin > Agencies and installation admins.
 */
@ApplicationModule(displayName = "Members")
package io.tokenwarden.members;

import org.springframework.modulith.ApplicationModule;
