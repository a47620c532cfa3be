package io.tokenwarden.channels;

/** Where a delivery stands: waiting, retrying after a failure, sent, given up, or withdrawn with its channel. */
public enum DeliveryStatus {

	PENDING, FAILED, SENT, DEAD, CANCELLED

}
