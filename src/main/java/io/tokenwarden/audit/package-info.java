/**
 * The append-only audit log. Depends on no other module: every feature records into it.
 */
@ApplicationModule(displayName = "Audit")
package io.tokenwarden.audit;

import org.springframework.modulith.ApplicationModule;
