package io.tokenwarden.notifications;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.flash.Flash;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** Config > Notifications: the agency's notices and the admin's own copies setting. Admins only. */
@Controller
class NotificationsController {

	private final Notices notices;

	private final CurrentAgency currentAgency;

	NotificationsController(Notices notices, CurrentAgency currentAgency) {
		this.notices = notices;
		this.currentAgency = currentAgency;
	}

	@GetMapping("/config/notifications")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			Model model) {
		AgencyContext context = requireAdmin();
		NoticeStatus filter = Arrays.stream(NoticeStatus.values())
			.filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status.trim()))
			.findFirst()
			.orElse(null);
		model.addAttribute("notices", this.notices.forAgency(context.agencyId(), filter, page == null ? 0 : page));
		model.addAttribute("statuses", NoticeStatus.values());
		model.addAttribute("copies", this.notices.receivesAdminCopies(context.userEmail(), context.agencyId()));
		return "notifications/list";
	}

	@PostMapping("/config/notifications/copies")
	String copies(@RequestParam boolean enabled, RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		this.notices.setAdminCopies(context.userEmail(), context.agencyId(), enabled);
		Flash.add(redirect, Flash.success(enabled ? "notices.copies.turnedOn" : "notices.copies.turnedOff",
				context.agencyName()));
		return "redirect:/config/notifications";
	}

	private AgencyContext requireAdmin() {
		AgencyContext context = this.currentAgency.get();
		if (!context.isAdmin()) {
			throw new AccessDeniedException("only agency admins see the notifications");
		}
		return context;
	}

}
