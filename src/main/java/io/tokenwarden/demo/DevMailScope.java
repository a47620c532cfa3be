package io.tokenwarden.demo;

import io.tokenwarden.demo.MailCatcher.CapturedMail;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which captured emails one admin may read: those addressed to them, and those whose every notice is
 * about an account linked to an agency they administer. An email about any other account (and one that
 * names no notice, an invitation say) shows only to its recipient.
 */
@Component
@Profile("demo")
class DevMailScope {

	private final JdbcClient jdbc;

	DevMailScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CapturedMail> visibleTo(String email, List<CapturedMail> mails) {
		Set<Long> allowed = administeredNotices(email,
				mails.stream().flatMap(m -> m.noticeIds().stream()).distinct().toList());
		String me = email.toLowerCase(Locale.ROOT);
		return mails.stream()
			.filter(m -> isAddressedTo(m, me) || (!m.noticeIds().isEmpty() && allowed.containsAll(m.noticeIds())))
			.toList();
	}

	private static boolean isAddressedTo(CapturedMail mail, String email) {
		return List.of(mail.to().toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains(email);
	}

	/** Of these notices, those about an account linked to an agency where {@code email} is ADMIN. */
	private Set<Long> administeredNotices(String email, List<Long> noticeIds) {
		if (noticeIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select n.id from notice n
				where n.id = any(:ids) and exists (
				    select 1 from agency_account_link l
				    join agency_membership m on m.agency_id = l.agency_id and m.role = 'ADMIN'
				    join app_user u on u.id = m.user_id
				    where l.account_id = n.account_id and u.email = lower(:email))""")
			.param("ids", new SqlArrayValue("bigint", noticeIds.toArray()))
			.param("email", email)
			.query(Long.class)
			.list());
	}

}
