package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface PublisherAccountRepository extends JpaRepository<PublisherAccount, Long> {

	Optional<PublisherAccount> findByPublisherAndExternalId(Publisher publisher, String externalId);

}
