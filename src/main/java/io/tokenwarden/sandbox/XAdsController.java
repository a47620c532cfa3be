package io.tokenwarden.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The imitation X Ads API under {@value #BASE}: accounts, campaigns and their line items, their updates, and
 * today's billing stats.
 */
@RestController
@Profile("demo")
@RequestMapping(XAdsController.BASE)
class XAdsController {

	static final String BASE = "/sandbox/x-ads";

	private final SandboxXAds ads;

	XAdsController(SandboxXAds ads) {
		this.ads = ads;
	}

	@GetMapping("/12/accounts")
	ResponseEntity<Object> accounts(HttpServletRequest request) {
		return this.ads.accounts(request);
	}

	@GetMapping("/12/accounts/{account}/campaigns")
	ResponseEntity<Object> campaigns(@PathVariable String account, @RequestParam Map<String, String> params,
			HttpServletRequest request) {
		return this.ads.campaigns(request, account, params);
	}

	@GetMapping("/12/accounts/{account}/line_items")
	ResponseEntity<Object> lineItems(@PathVariable String account, @RequestParam Map<String, String> params,
			HttpServletRequest request) {
		return this.ads.lineItems(request, account, params);
	}

	@PutMapping("/12/accounts/{account}/line_items/{lineItem}")
	ResponseEntity<Object> updateLineItem(@PathVariable String account, @PathVariable String lineItem,
			@RequestParam Map<String, String> params, HttpServletRequest request) {
		return this.ads.updateLineItem(request, account, lineItem, params);
	}

	@PutMapping("/12/accounts/{account}/campaigns/{campaign}")
	ResponseEntity<Object> update(@PathVariable String account, @PathVariable String campaign,
			@RequestParam Map<String, String> params,
			HttpServletRequest request) {
		return this.ads.update(request, account, campaign, params);
	}

	@GetMapping("/12/stats/accounts/{account}")
	ResponseEntity<Object> stats(@PathVariable String account, @RequestParam Map<String, String> params,
			HttpServletRequest request) {
		return this.ads.stats(request, account, params);
	}

}
