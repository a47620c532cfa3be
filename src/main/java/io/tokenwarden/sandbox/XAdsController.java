package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final XAds ads;

	XAdsController(XAds ads) {
		this.ads = ads;
	}

	@GetMapping("/12/accounts")
	ResponseEntity<Object> accounts(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.accounts(authorization);
	}

	@GetMapping("/12/accounts/{account}/campaigns")
	ResponseEntity<Object> campaigns(@PathVariable String account, @RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.campaigns(authorization, account, params);
	}

	@GetMapping("/12/accounts/{account}/line_items")
	ResponseEntity<Object> lineItems(@PathVariable String account, @RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.lineItems(authorization, account, params);
	}

	@PutMapping("/12/accounts/{account}/line_items/{lineItem}")
	ResponseEntity<Object> updateLineItem(@PathVariable String account, @PathVariable String lineItem,
			@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.updateLineItem(authorization, account, lineItem, params);
	}

	@PutMapping("/12/accounts/{account}/campaigns/{campaign}")
	ResponseEntity<Object> update(@PathVariable String account, @PathVariable String campaign,
			@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.update(authorization, account, campaign, params);
	}

	@GetMapping("/12/stats/accounts/{account}")
	ResponseEntity<Object> stats(@PathVariable String account, @RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.ads.stats(authorization, account, params);
	}

}
