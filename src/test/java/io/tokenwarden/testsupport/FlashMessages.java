package io.tokenwarden.testsupport;

import io.tokenwarden.flash.Flash;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages a response flashed for the next page ({@link Flash}), as a test reads them. */
public final class FlashMessages {

	private FlashMessages() {
	}

	@SuppressWarnings("unchecked")
	public static List<Flash> of(MvcResult result) {
		Object flashes = result.getFlashMap().get(Flash.ATTRIBUTE);
		return flashes == null ? List.of() : (List<Flash>) flashes;
	}

	/** The message key of the green alert, or null when there is none. */
	public static String success(MvcResult result) {
		return key(result, Flash.Level.SUCCESS);
	}

	/** The message key of the yellow alert, or null when there is none. */
	public static String warning(MvcResult result) {
		return key(result, Flash.Level.WARNING);
	}

	/** The message key of the red alert, or null when there is none. */
	public static String error(MvcResult result) {
		return key(result, Flash.Level.ERROR);
	}

	/** The arguments of the message at that level (empty when there is no such message). */
	public static List<Object> arguments(MvcResult result, Flash.Level level) {
		return of(result).stream().filter(f -> f.level() == level).findFirst().map(Flash::arguments).orElse(List.of());
	}

	/** For MockMvc: the next page shows the message with this key at this level. */
	public static ResultMatcher shown(Flash.Level level, String key) {
		return result -> assertThat(of(result)).as("flash messages").anySatisfy(flash -> {
			assertThat(flash.level()).isEqualTo(level);
			assertThat(flash.message()).isEqualTo(key);
		});
	}

	private static String key(MvcResult result, Flash.Level level) {
		return of(result).stream().filter(f -> f.level() == level).findFirst().map(Flash::message).orElse(null);
	}

}
