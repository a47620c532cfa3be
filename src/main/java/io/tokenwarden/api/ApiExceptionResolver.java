package io.tokenwarden.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Turns every exception of a request under {@code /api} into a problem, before Spring MVC's own
 * resolvers and Boot's error page could answer with HTML: the status an exception carries (404 for an
 * unknown path, 405, 400 for a bad parameter), and a bare 500 for anything unexpected.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

	private final ApiProblems problems;

	ApiExceptionResolver(ApiProblems problems) {
		this.problems = problems;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!ApiProblems.isApi(request)) {
			return null;
		}
		ProblemDetail problem;
		if (ex instanceof ErrorResponse error) {
			HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
			problem = ApiProblems.problem(status, error.getBody().getDetail());
			error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		}
		else if (ex instanceof TypeMismatchException mismatch) {
			problem = ApiProblems.problem(HttpStatus.BAD_REQUEST,
					"parameter '" + mismatch.getPropertyName() + "' has the wrong type");
		}
		else {
			log.error("API request {} failed", request.getRequestURI(), ex);
			problem = ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, null);
		}
		try {
			this.problems.write(request, response, problem);
		}
		catch (IOException writeFailed) {
			log.debug("could not write the problem of {}", request.getRequestURI(), writeFailed);
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
