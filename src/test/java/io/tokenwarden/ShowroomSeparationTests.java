package io.tokenwarden;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The showroom (the demo and the sandbox) is a part the production code can do without: production
 * packages use nothing of it. And no simple class name repeats, nested types included, so a name says
 * which class it is.
 */
class ShowroomSeparationTests {

	private static final String[] SHOWROOM = { "io.tokenwarden.demo..", "io.tokenwarden.sandbox.." };

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.tokenwarden");

	@Test
	void productionPackagesWhenCompiledThenUseNothingOfTheDemoOrTheSandbox() {
		noClasses().that()
			.resideOutsideOfPackages(SHOWROOM)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SHOWROOM)
			.check(MAIN);
	}

	@Test
	void classNamesWhenCompiledThenNoSimpleNameRepeatsNestedTypesIncluded() {
		assertThat(repeated(named())).isEmpty();
	}

	@Test
	void showroomClassesWhenCompiledThenNoneSharesItsSimpleNameWithAClassElsewhere() {
		Set<String> showroom = named().stream()
			.filter(type -> type.getPackageName().matches("io\\.tokenwarden\\.(demo|sandbox)(\\..*)?"))
			.map(JavaClass::getSimpleName)
			.collect(Collectors.toSet());

		assertThat(repeated(named())).filteredOn(repeat -> showroom.contains(repeat.substring(0, repeat.indexOf(' '))))
			.isEmpty();
	}

	/** Every class with a name: top-level, nested and local ones (not the anonymous ones, nor package-info). */
	private static List<JavaClass> named() {
		return MAIN.stream()
			.filter(type -> !type.isAnonymousClass() && !type.getSimpleName().isEmpty())
			.filter(type -> !type.getSimpleName().equals("package-info"))
			.toList();
	}

	/** "Name in [class, class]" for each simple name that more than one class uses. */
	private static List<String> repeated(List<JavaClass> types) {
		Map<String, Set<String>> classesByName = types.stream()
			.collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
					Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
		return classesByName.entrySet()
			.stream()
			.filter(entry -> entry.getValue().size() > 1)
			.map(entry -> entry.getKey() + " in " + entry.getValue())
			.toList();
	}

}
