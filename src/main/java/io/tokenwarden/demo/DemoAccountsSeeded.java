package io.tokenwarden.demo;

import java.util.List;

/** The demo's accounts were seeded; the sandbox publishers learn their identities and tokens. */
public record DemoAccountsSeeded(List<DemoAccount> accounts) {
}
