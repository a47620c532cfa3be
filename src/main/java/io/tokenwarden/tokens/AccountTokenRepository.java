package io.tokenwarden.tokens;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from AccountToken t where t.accountId = :accountId")
	Optional<AccountToken> findForUpdate(long accountId);

}
