package io.tokenwarden.accounts;

import java.util.List;
import java.util.Map;

/**
 * A short note another module adds next to the Valid column of Config > Accounts (stale campaign data,
 * say). The list renders {@code ~{<template> :: marker(${model})}} for each row; the fragment shows nothing
 * for a null model. The accounts module does not depend on the module that owns it.
 */
public interface AccountListMarker {

	/** The Thymeleaf template holding a {@code marker(model)} fragment, e.g. {@code sync/marker}. */
	String template();

	/** The fragment's models by account id, for the accounts on one page; rows without one get no note. */
	Map<Long, ?> models(List<Long> accountIds);

}
