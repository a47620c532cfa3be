package io.tokenwarden;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Each feature package is a module; dependencies run one way and internals stay internal. */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(TokenWardenApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApis() {
		MODULES.verify();
	}

	/**
	 * Writes docs/modules/ (committed, linked from README's architecture map) from the code itself, so the
	 * picture cannot drift: the C4 component diagram of all modules, one diagram per module with what it
	 * depends on, and each module's canvas.
	 */
	@Test
	void moduleDiagramsAndCanvasesAreWrittenToDocs() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();

		assertThat(new java.io.File("docs/modules/components.puml")).content().contains("Publishers", "Tokens");
		MODULES.forEach(module -> assertThat(new java.io.File("docs/modules/module-" + module.getIdentifier() + ".adoc"))
			.as("the canvas of %s", module.getDisplayName()).exists());
	}

}
