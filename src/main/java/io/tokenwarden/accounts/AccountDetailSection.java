package io.tokenwarden.accounts;

/**
 * A part of an account's page that another module owns (revocations, notices, check history). The
 * page renders {@code ~{<template> :: section(${model})}} for each, in {@link #order()}; the module
 * keeps its own queries and the accounts module does not depend on it.
 */
public interface AccountDetailSection {

	/** Lower comes first. */
	int order();

	/** The Thymeleaf template holding a {@code section(model)} fragment, e.g. {@code invalidation/revocations}. */
	String template();

	/** The fragment's model for one account the signed-in person may see. */
	Object model(long accountId);

}
