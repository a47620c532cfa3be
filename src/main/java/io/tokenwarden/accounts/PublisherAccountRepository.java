package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface PublisherAccountRepository extends JpaRepository<PublisherAccount, Long> {

	Optional<PublisherAccount> findByPublisherAndExternalId(Publisher publisher, String externalId);

	/** findAllById as a query string: Hibernate caches its plan, where findAllById rebuilds a criteria query each time. */
	@Query("select a from PublisherAccount a where a.id in :ids")
	List<PublisherAccount> findAllWithIds(Collection<Long> ids);

}
