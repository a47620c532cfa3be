package io.tokenwarden.flash;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A message the layout shows once at the top of a page: how loud it is, its {@code messages.properties} key
 * and the key's arguments. Serializable, because Spring Session keeps the flash map of a redirect in the
 * database until the next page reads it.
 */
public record Flash(Level level, String message, List<Object> arguments) implements Serializable {

	/** The model attribute with the page's flash messages, as the layout reads it. */
	public static final String ATTRIBUTE = "flashes";

	/** How loud a message is: the layout's green, yellow or red alert, in this order on the page. */
	public enum Level {

		SUCCESS, WARNING, ERROR

	}

	public Flash {
		// arguments may hold a null (an optional name): List.of would refuse it
		arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	public static Flash success(String message, Object... arguments) {
		return of(Level.SUCCESS, message, arguments);
	}

	public static Flash warning(String message, Object... arguments) {
		return of(Level.WARNING, message, arguments);
	}

	public static Flash error(String message, Object... arguments) {
		return of(Level.ERROR, message, arguments);
	}

	public static Flash of(Level level, String message, Object... arguments) {
		return new Flash(level, message, Arrays.asList(arguments));
	}

	/** A success or, when the action was refused, an error. */
	public static Flash of(boolean done, String message, Object... arguments) {
		return of(done ? Level.SUCCESS : Level.ERROR, message, arguments);
	}

	/** Shows the message on the page the redirect leads to. */
	public static void add(RedirectAttributes redirect, Flash flash) {
		redirect.addFlashAttribute(ATTRIBUTE, with(redirect.getFlashAttributes().get(ATTRIBUTE), flash));
	}

	/** Shows the message on the page being rendered (a form shown again, saying what was wrong). */
	public static void show(Model model, Flash flash) {
		model.addAttribute(ATTRIBUTE, with(model.getAttribute(ATTRIBUTE), flash));
	}

	/** The arguments as {@code #messages.msgWithParams} takes them. */
	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

	@SuppressWarnings("unchecked")
	private static List<Flash> with(Object shown, Flash flash) {
		List<Flash> flashes = shown == null ? new ArrayList<>() : new ArrayList<>((List<Flash>) shown);
		flashes.add(flash);
		flashes.sort(Comparator.comparing(Flash::level));
		return flashes;
	}

}
