package io.tokenwarden.refresh;

import io.tokenwarden.testsupport.DemoSandboxTest;

/**
 * Refresh tests against the demo's sandbox publishers over real HTTP, as in production, in the shared
 * {@link DemoSandboxTest} context: the server on its fixed port, and a counter that sees every call that
 * reaches the sandbox X.
 */
@DemoSandboxTest
abstract class SandboxRefreshSupport {

	static final int PORT = DemoSandboxTest.PORT;

}
