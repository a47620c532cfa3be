package io.tokenwarden.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The error page for answers given by a filter, before (or instead of) Spring MVC: the same template
 * and layout as every other error page, rendered without anything that needs the database.
 */
@Component
class ErrorPageRenderer {

	private final ViewResolver views;

	ErrorPageRenderer(ViewResolver thymeleafViewResolver) {
		this.views = thymeleafViewResolver;
	}

	/** Writes the error page of {@code status} whose title and text are {@code error.<reason>.*}. */
	void render(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		Map<String, Object> model = new HashMap<>();
		model.put("status", status);
		model.put("reason", reason);
		try {
			View view = this.views.resolveViewName("error", Locale.ENGLISH);
			if (view == null) {
				throw new IllegalStateException("no error view");
			}
			view.render(model, request, response);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException("could not render the error page", ex);
		}
	}

}
