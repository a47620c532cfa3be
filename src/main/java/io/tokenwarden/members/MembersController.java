package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
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

/** Config > Members: the current agency's members and pending invitations. Admins of the agency only. */
@Controller
class MembersController {

	private final CurrentAgency currentAgency;

	private final Team team;

	private final Invitations invitations;

	MembersController(CurrentAgency currentAgency, Team team, Invitations invitations) {
		this.currentAgency = currentAgency;
		this.team = team;
		this.invitations = invitations;
	}

	@GetMapping("/config/members")
	String list(Model model) {
		AgencyContext context = requireAdmin();
		model.addAttribute("members", this.team.members(context.agencyId()));
		model.addAttribute("invitations", this.invitations.pending(context.agencyId()));
		model.addAttribute("roles", Role.values());
		return "members/list";
	}

	@PostMapping("/config/members/invitations")
	String invite(@RequestParam(required = false) String email, @RequestParam(required = false) String role,
			HttpServletRequest request, RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		Invitations.InvitationResult result = this.invitations.invite(context, email, role, request.getRemoteAddr());
		Flash.add(redirect, Flash.of(result.done(), result.message, email == null ? "" : email.strip()));
		return "redirect:/config/members";
	}

	@PostMapping("/config/members/invitations/{invitationId}/revoke")
	String revoke(@PathVariable long invitationId, HttpServletRequest request, RedirectAttributes redirect) {
		if (!this.invitations.revoke(requireAdmin(), invitationId, request.getRemoteAddr())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Flash.add(redirect, Flash.success("members.invitation.revoked"));
		return "redirect:/config/members";
	}

	@PostMapping("/config/members/{userId}/role")
	String changeRole(@PathVariable long userId, @RequestParam(required = false) String role, HttpServletRequest request,
			RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		Team.TeamChange change = this.team.changeRole(context, userId, role, request.getRemoteAddr());
		boolean leftAdmin = change.done() && change.person().equals(context.userEmail())
				&& Invitations.role(role).orElse(Role.ADMIN) != Role.ADMIN;
		return show(change, leftAdmin, redirect);
	}

	@PostMapping("/config/members/{userId}/remove")
	String remove(@PathVariable long userId, HttpServletRequest request, RedirectAttributes redirect) {
		AgencyContext context = requireAdmin();
		Team.TeamChange change = this.team.remove(context, userId, request.getRemoteAddr());
		return show(change, change.done() && change.person().equals(context.userEmail()), redirect);
	}

	private String show(Team.TeamChange change, boolean leftAdmin, RedirectAttributes redirect) {
		Flash.add(redirect, Flash.of(change.done(), change.message(), change.person()));
		// an admin who just gave up their own ADMIN role may no longer see this page
		return leftAdmin ? "redirect:/config/accounts" : "redirect:/config/members";
	}

	private AgencyContext requireAdmin() {
		AgencyContext context = this.currentAgency.get();
		if (!context.isAdmin()) {
			throw new AccessDeniedException("only agency admins manage members");
		}
		return context;
	}

}
