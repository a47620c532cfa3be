package io.tokenwarden.publishers.http;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;

/** Outcomes every publisher shares: no answer at all, an answer we refuse to follow, no configuration. */
public final class Faults {

	private Faults() {
	}

	/** The outcome of a call that got no answer: unreachable, or misconfigured if it was never allowed out. */
	public static PublisherOutcome ofFault(Publisher publisher, HttpAnswer answer) {
		Evidence evidence = Evidence.of(publisher, answer.fault().description());
		return answer.fault() == HttpAnswer.Fault.HOST_NOT_ALLOWED ? new PublisherOutcome.Misconfigured(evidence)
				: new PublisherOutcome.Unreachable(evidence);
	}

	public static PublisherOutcome.Misconfigured notConfigured(Publisher publisher) {
		return new PublisherOutcome.Misconfigured(
				Evidence.of(publisher, publisher.displayName() + " app is not configured"));
	}

}
