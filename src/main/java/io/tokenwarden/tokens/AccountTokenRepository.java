package io.tokenwarden.tokens;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from AccountToken t where t.accountId = :accountId")
	Optional<AccountToken> findForUpdate(long accountId);

	/** findAllById as a query string: Hibernate caches its plan, where findAllById rebuilds a criteria query each time. */
	@Query("select t from AccountToken t where t.accountId in :ids")
	List<AccountToken> findAllWithIds(Collection<Long> ids);

}
