package io.tokenwarden.members;

import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.agencies.SignedIn;
import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin > Agencies: every agency of the installation, new agencies, and the installation admins. */
@Controller
class AdminController {

	private final AgencyAdmin admin;

	private final CurrentAgency currentAgency;

	AdminController(AgencyAdmin admin, CurrentAgency currentAgency) {
		this.admin = admin;
		this.currentAgency = currentAgency;
	}

	@GetMapping("/admin/agencies")
	String agencies(Model model) {
		this.currentAgency.requireInstallationAdmin();
		model.addAttribute("agencies", this.admin.agencies());
		model.addAttribute("installationAdmins", this.admin.installationAdmins());
		return "members/admin-agencies";
	}

	@PostMapping("/admin/agencies")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String adminEmail,
			HttpServletRequest request, RedirectAttributes redirect) {
		SignedIn me = this.currentAgency.requireInstallationAdmin();
		return show(this.admin.createAgency(me, name, adminEmail, request.getRemoteAddr()), redirect);
	}

	@PostMapping("/admin/installation-admins")
	String grant(@RequestParam(required = false) String email, HttpServletRequest request, RedirectAttributes redirect) {
		SignedIn me = this.currentAgency.requireInstallationAdmin();
		return show(this.admin.grant(me, email, request.getRemoteAddr()), redirect);
	}

	@PostMapping("/admin/installation-admins/{userId}/remove")
	String revoke(@PathVariable long userId, HttpServletRequest request, RedirectAttributes redirect) {
		SignedIn me = this.currentAgency.requireInstallationAdmin();
		AgencyAdmin.AgencyAdminResult result = this.admin.revoke(me, userId, request.getRemoteAddr());
		show(result, redirect);
		// one who gave up their own rights may no longer see the page
		return result.done() && result.argument().equals(me.email()) ? "redirect:/config/accounts" : "redirect:/admin/agencies";
	}

	private static String show(AgencyAdmin.AgencyAdminResult result, RedirectAttributes redirect) {
		Flash.add(redirect, Flash.of(result.done(), result.message(), result.argument()));
		return "redirect:/admin/agencies";
	}

}
