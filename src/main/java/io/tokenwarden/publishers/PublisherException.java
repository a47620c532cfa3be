package io.tokenwarden.publishers;

/**
 * A publisher call that did not give what was asked for, with the classified {@link PublisherOutcome}.
 * The message holds only the outcome's kind and evidence, never a token.
 */
public class PublisherException extends RuntimeException {

	private final transient PublisherOutcome outcome;

	public PublisherException(PublisherOutcome outcome) {
		super(outcome.getClass().getSimpleName() + " (" + outcome.evidence() + ")");
		this.outcome = outcome;
	}

	public PublisherOutcome outcome() {
		return this.outcome;
	}

}
