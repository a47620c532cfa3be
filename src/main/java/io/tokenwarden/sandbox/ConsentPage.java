package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

import java.util.List;
import java.util.Map;

/**
 * What a consent page shows: the requesting app, the scopes, who to continue as and at which level.
 * Plain values only, as the template reads them: {@code parameters} go back in the decision form,
 * {@code switchParameters} in the "switch account" form that sets a new {@code login_hint}.
 */
record ConsentPage(Publisher publisher, boolean facebook, String path, String redirectUri, String appName,
		List<String> scopes, Map<String, String> parameters, Map<String, String> switchParameters,
		List<SandboxUser> users, SandboxUser selected, List<AccessLevel> levels) {

	/** The page; X asks for no access level (an X grant is the whole account). */
	static ConsentPage of(ConsentRequest request, String redirectUri, List<SandboxUser> users, SandboxUser selected) {
		boolean facebook = request.publisher() == Publisher.FACEBOOK;
		return new ConsentPage(request.publisher(), facebook, request.path(), redirectUri, SandboxApps.APP_NAME,
				request.scopes(), request.parameters(), request.parametersWithoutLoginHint(), users, selected,
				facebook ? List.of(AccessLevel.ADMIN, AccessLevel.ADVERTISER, AccessLevel.ANALYST) : List.of());
	}

}
