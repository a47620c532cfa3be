package io.tokenwarden.sync;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.web.Formats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Campaigns page of an account: Sync now, pause and resume, and its automations. */
@Controller
class CampaignsController {

	private static final String BACK = "redirect:/config/accounts/{id}/campaigns";

	private final CampaignSync sync;

	private final Formats formats;

	CampaignsController(CampaignSync sync, Formats formats) {
		this.sync = sync;
		this.formats = formats;
	}

	@GetMapping("/config/accounts/{id}/campaigns")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("view", this.sync.view(id));
		model.addAttribute("kinds", Automation.AutomationKind.values());
		model.addAttribute("metrics", Automation.Metric.values());
		model.addAttribute("operators", Automation.Operator.values());
		return "sync/campaigns";
	}

	@PostMapping("/config/accounts/{id}/campaigns/sync")
	String syncNow(@PathVariable long id, RedirectAttributes redirect) {
		try {
			ImportResult result = this.sync.syncNow(id);
			boolean imported = result.kind() == ImportResult.ImportKind.IMPORTED;
			Object argument = imported ? result.campaigns()
					: String.valueOf(result.outcome() == null ? "" : result.outcome().evidence());
			Flash.add(redirect, Flash.of(imported, "sync.now." + result.kind().name(), argument));
		}
		catch (SyncPausedException ex) {
			refused(ex, redirect);
		}
		return BACK;
	}

	@PostMapping("/config/accounts/{id}/campaigns/{campaignId}/status")
	String changeStatus(@PathVariable long id, @PathVariable String campaignId, @RequestParam String status,
			RedirectAttributes redirect) {
		CampaignStatus wanted = "PAUSED".equals(status) ? CampaignStatus.PAUSED
				: "ACTIVE".equals(status) ? CampaignStatus.ACTIVE : CampaignStatus.OTHER;
		try {
			CampaignRow campaign = this.sync.changeStatus(id, campaignId, wanted);
			Flash.add(redirect, Flash.success("campaigns.changed." + campaign.status().name(), campaign.name()));
		}
		catch (SyncPausedException ex) {
			refused(ex, redirect);
		}
		catch (PublisherException ex) {
			Flash.add(redirect, Flash.error("campaigns.changeFailed", String.valueOf(ex.outcome().evidence())));
		}
		catch (IllegalArgumentException ex) {
			Flash.add(redirect, Flash.error("campaigns.badStatus"));
		}
		return BACK;
	}

	@PostMapping("/config/accounts/{id}/automations")
	String addAutomation(@PathVariable long id, @ModelAttribute AutomationForm form, RedirectAttributes redirect) {
		try {
			this.sync.addAutomation(id, form.toNewAutomation());
			Flash.add(redirect, Flash.success("automations.added"));
		}
		catch (IllegalArgumentException ex) {
			Flash.add(redirect, Flash.error(ex.getMessage()));
		}
		return BACK;
	}

	@PostMapping("/config/accounts/{id}/automations/{automationId}/delete")
	String removeAutomation(@PathVariable long id, @PathVariable long automationId, RedirectAttributes redirect) {
		this.sync.removeAutomation(id, automationId);
		Flash.add(redirect, Flash.success("automations.removed"));
		return BACK;
	}

	/** "Sync paused: token invalid since …": the page itself shows the same words with the Refresh link. */
	private void refused(SyncPausedException ex, RedirectAttributes redirect) {
		Flash.add(redirect, Flash.error(ex.gate().since() == null ? "sync.refused.noToken" : "sync.refused",
				this.formats.dateTime(ex.gate().since())));
	}

}
