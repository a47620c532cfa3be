package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A Facebook or X identity that agencies link; its owner receives the expiry emails. */
@Entity
@Table(name = "publisher_account")
public class PublisherAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "publisher", nullable = false)
	private Publisher publisher;

	@Column(name = "external_id", nullable = false)
	private String externalId;

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "owner_email", nullable = false)
	private String ownerEmail;

	@Column(name = "created_at", nullable = false, insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "archived_at")
	private Instant archivedAt;

	protected PublisherAccount() {
	}

	public PublisherAccount(Publisher publisher, String externalId, String name, String ownerEmail) {
		this.publisher = publisher;
		this.externalId = externalId;
		this.name = name;
		this.ownerEmail = ownerEmail;
	}

	public Long id() {
		return this.id;
	}

	public Publisher publisher() {
		return this.publisher;
	}

	public String externalId() {
		return this.externalId;
	}

	public String name() {
		return this.name;
	}

	public String ownerEmail() {
		return this.ownerEmail;
	}

	/** When the account lost its last agency; null while any agency has it. */
	public Instant archivedAt() {
		return this.archivedAt;
	}

	public boolean archived() {
		return this.archivedAt != null;
	}

	void changeOwner(String ownerEmail) {
		this.ownerEmail = ownerEmail;
	}

	void archive(Instant at) {
		this.archivedAt = at;
	}

	/** Connected again: the identity's name as the publisher shows it now, and no longer archived. */
	void restore(String name) {
		this.archivedAt = null;
		if (name != null && !name.isBlank()) {
			this.name = name;
		}
	}

}
