package io.tokenwarden.invalidation;

/** Why an admin invalidated a token; labelled by {@code reason.<NAME>} in messages.properties. */
public enum InvalidationReason {

	USER_LEFT, STOP_ACTIVITY, OTHER

}
