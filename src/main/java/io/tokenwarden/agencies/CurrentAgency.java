package io.tokenwarden.agencies;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Optional;

/**
 * The agency the signed-in person works in right now. It is kept in the HTTP session; a person
 * who has never switched works in the first of their agencies by name.
 */
@Component
public class CurrentAgency {

	static final String SESSION_ATTRIBUTE = "tokenwarden.currentAgencyId";

	private static final String REQUEST_CACHE = CurrentAgency.class.getName() + ".context";

	private static final String SIGNED_IN_CACHE = CurrentAgency.class.getName() + ".signedIn";

	private final AgencyDirectory directory;

	CurrentAgency(AgencyDirectory directory) {
		this.directory = directory;
	}

	/** The signed-in person's context; empty when nobody is signed in or they belong to no agency. */
	public Optional<AgencyContext> find() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof AgencyContext cached) {
			return Optional.of(cached);
		}
		Optional<AgencyContext> context = resolve();
		if (request != null && context.isPresent()) {
			request.setAttribute(REQUEST_CACHE, context.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return context;
	}

	/** The signed-in person's context; a 403 (with a page that says why) when they belong to no agency. */
	public AgencyContext get() {
		return find().orElseThrow(NoAgencyException::new);
	}

	/**
	 * The signed-in person, read from the database once per request (so a revoked installation admin
	 * loses the rights on the next request); empty when nobody is signed in.
	 */
	public Optional<SignedIn> signedIn() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(SIGNED_IN_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof SignedIn cached) {
			return Optional.of(cached);
		}
		Optional<SignedIn> person = signedInEmail()
			.map(email -> new SignedIn(email, this.directory.isInstallationAdmin(email)));
		if (request != null && person.isPresent()) {
			request.setAttribute(SIGNED_IN_CACHE, person.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return person;
	}

	/** 403 unless the signed-in person is an installation admin. */
	public SignedIn requireInstallationAdmin() {
		return signedIn().filter(SignedIn::installationAdmin)
			.orElseThrow(() -> new AccessDeniedException("only installation admins may do this"));
	}

	/** Switches the current agency; false when the person is not a member of it. */
	public boolean switchTo(long agencyId) {
		String email = signedInEmail().orElse(null);
		if (email == null) {
			return false;
		}
		boolean member = this.directory.membershipsOf(email).stream().anyMatch(m -> m.agencyId() == agencyId);
		if (member) {
			session().ifPresent(s -> s.setAttribute(SESSION_ATTRIBUTE, agencyId));
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			if (request != null) {
				request.removeAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST);
			}
		}
		return member;
	}

	private Optional<AgencyContext> resolve() {
		String email = signedInEmail().orElse(null);
		if (email == null) {
			return Optional.empty();
		}
		List<AgencyRole> memberships = this.directory.membershipsOf(email);
		if (memberships.isEmpty()) {
			return Optional.empty();
		}
		Object chosen = session().map(s -> s.getAttribute(SESSION_ATTRIBUTE)).orElse(null);
		AgencyRole current = memberships.stream()
			.filter(m -> chosen instanceof Long id && m.agencyId() == id)
			.findFirst()
			.orElse(memberships.get(0));
		return Optional.of(new AgencyContext(email, current, memberships));
	}

	private static Optional<String> signedInEmail() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication.getName());
	}

	private static Optional<HttpSession> session() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return Optional.of(attributes.getRequest().getSession(true));
		}
		return Optional.empty();
	}

}
