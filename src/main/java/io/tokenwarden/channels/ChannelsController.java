package io.tokenwarden.channels;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Config > Notifications > Channels: an agency's Slack, Teams and webhook channels, each with its delivery
 * log. Admins of the current agency only (403 for others); a channel of another agency answers 404.
 */
@Controller
class ChannelsController {

	private static final String BASE = "/config/notifications/channels";

	private final Channels channels;

	private final CurrentAgency currentAgency;

	ChannelsController(Channels channels, CurrentAgency currentAgency) {
		this.channels = channels;
		this.currentAgency = currentAgency;
	}

	@GetMapping(BASE)
	String list(Model model) {
		AgencyContext context = requireAdmin();
		return listPage(context, model);
	}

	@PostMapping(BASE)
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		AgencyContext context = requireAdmin();
		AddResult result = this.channels.add(context.agencyId(), context.userEmail(),
				new NewChannel(kind(kind), name, url, events(events)));
		if (!result.added()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Flash.show(model, Flash.error(result.refusal(), context.agencyName()));
			// what was typed comes back, but never the address: it is a secret
			model.addAttribute("form", new NewChannel(kind(kind), name, null, events(events)));
			return listPage(context, model);
		}
		if (result.signingSecret() != null) {
			// shown in this response only: never stored in plaintext, not even in the session for a redirect
			model.addAttribute("channel", result.channel());
			model.addAttribute("signingSecret", result.signingSecret());
			response.setHeader("Cache-Control", "no-store");
			return "channels/created";
		}
		Flash.add(redirect, Flash.success("channels.added", result.channel().name()));
		return "redirect:" + BASE + "/" + result.channel().id();
	}

	@GetMapping(BASE + "/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		AgencyContext context = requireAdmin();
		ChannelView channel = channel(context, id);
		model.addAttribute("channel", channel);
		model.addAttribute("deliveries", this.channels.deliveries(channel.id(), page == null ? 0 : page));
		return "channels/channel";
	}

	@PostMapping(BASE + "/{id}/test")
	String test(@PathVariable long id, RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		if (!this.channels.sendTest(context.agencyId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Flash.add(redirect, Flash.success("channels.test.queued"));
		return "redirect:" + BASE + "/" + id;
	}

	@GetMapping(BASE + "/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		AgencyContext context = requireAdmin();
		model.addAttribute("channel", channel(context, id));
		return "channels/delete";
	}

	@PostMapping(BASE + "/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		boolean removed = this.channels.remove(context.agencyId(), id, context.userEmail())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Flash.add(redirect, Flash.success(removed ? "channels.removed" : "channels.removed.already"));
		return "redirect:" + BASE;
	}

	private String listPage(AgencyContext context, Model model) {
		model.addAttribute("channels", this.channels.list(context.agencyId()));
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("allEvents", ChannelEvent.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewChannel(ChannelKind.SLACK, "", null, EnumSet.allOf(ChannelEvent.class)));
		}
		return "channels/list";
	}

	private ChannelView channel(AgencyContext context, long id) {
		return this.channels.find(context.agencyId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private AgencyContext requireAdmin() {
		AgencyContext context = this.currentAgency.get();
		if (!context.isAdmin()) {
			throw new AccessDeniedException("only agency admins manage the channels");
		}
		return context;
	}

	private static ChannelKind kind(String kind) {
		return Arrays.stream(ChannelKind.values())
			.filter(k -> k.name().equals(kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

	/** The events asked for; an unknown name makes the whole set unusable (empty), so nothing is half-taken. */
	private static Set<ChannelEvent> events(List<String> names) {
		Set<ChannelEvent> events = EnumSet.noneOf(ChannelEvent.class);
		for (String name : names == null ? List.<String>of() : names) {
			ChannelEvent event = Arrays.stream(ChannelEvent.values())
				.filter(e -> e.name().equals(name.trim()))
				.findFirst()
				.orElse(null);
			if (event == null) {
				return EnumSet.noneOf(ChannelEvent.class);
			}
			events.add(event);
		}
		return events;
	}

}
