package io.tokenwarden.flash;

import org.junit.jupiter.api.Test;
import org.springframework.util.SerializationUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import java.io.Serializable;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

/** Flash messages survive the session store and come out in the order the layout shows them. */
class FlashTests {

	@Test
	void flashWhenTheSessionStoresItThenItComesBackTheSame() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		Flash.add(redirect, Flash.success("agency.switched", "Northwind", 3, null));

		// Spring Session JDBC serializes the flash map into spring_session_attributes
		Object stored = SerializationUtils.clone((Serializable) redirect.getFlashAttributes().get(Flash.ATTRIBUTE));

		assertThat(stored).isEqualTo(List.of(Flash.success("agency.switched", "Northwind", 3, null)));
	}

	@Test
	void flashesWhenSeveralThenSuccessesComeFirstAndErrorsLast() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		Flash.add(redirect, Flash.error("refresh.cancelled", "X"));
		Flash.add(redirect, Flash.warning("refresh.lostAssets", "Old Page"));
		Flash.add(redirect, Flash.success("refresh.done"));

		assertThat(redirect.getFlashAttributes().get(Flash.ATTRIBUTE)).asInstanceOf(list(Flash.class))
			.extracting(Flash::message)
			.containsExactly("refresh.done", "refresh.lostAssets", "refresh.cancelled");
	}

}
