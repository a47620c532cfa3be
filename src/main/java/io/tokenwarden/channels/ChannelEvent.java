package io.tokenwarden.channels;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a channel may subscribe to. */
public enum ChannelEvent {

	EXPIRED, EXPIRY_WARNING, FUNDING_PROBLEM, OUTAGE, RECOVERED;

	/** As stored: {@code ",EXPIRED,OUTAGE,"}, so {@code like '%,OUTAGE,%'} matches exactly one name. */
	static String stored(Set<ChannelEvent> events) {
		return events.stream().map(Enum::name).collect(Collectors.joining(",", ",", ","));
	}

	static Set<ChannelEvent> parse(String stored) {
		Set<ChannelEvent> events = EnumSet.noneOf(ChannelEvent.class);
		Arrays.stream(stored.split(",")).filter(name -> !name.isBlank()).map(ChannelEvent::valueOf).forEach(events::add);
		return events;
	}

}
