package io.tokenwarden.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The error answer for requests stopped by a filter, before (or instead of) Spring MVC: the same
 * template and layout as every other error page, rendered without anything that needs the database;
 * under {@code /api/} an RFC 9457 problem instead, since the status API never answers with HTML.
 */
@Component
class ErrorPageRenderer {

	/** The status API's paths (the api module answers its own errors; a filter's come here first). */
	static final String API_PATHS = "/api/";

	private final ViewResolver views;

	private final MessageSource messages;

	private final JsonMapper json;

	ErrorPageRenderer(ViewResolver thymeleafViewResolver, MessageSource messages, JsonMapper json) {
		this.views = thymeleafViewResolver;
		this.messages = messages;
		this.json = json;
	}

	/** Writes the error page of {@code status} whose title and text are {@code error.<reason>.*}. */
	void render(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		if (isApi(request)) {
			writeProblem(request, response, status, reason);
			return;
		}
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

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(API_PATHS);
	}

	/**
	 * The problem as the api module writes its own (type, title, status, detail, instance): the title is
	 * the status's phrase, the detail {@code error.<reason>.detail}; the instance is the path, never the
	 * query string, which may hold what was refused.
	 */
	private void writeProblem(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		body.put("status", status);
		body.put("detail", this.messages.getMessage("error." + reason + ".detail", null, Locale.ENGLISH));
		body.put("instance", request.getRequestURI());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
