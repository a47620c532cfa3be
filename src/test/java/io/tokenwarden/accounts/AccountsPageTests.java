package io.tokenwarden.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AccountsPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void accountsPageWhenDemoAdminThenListsTheAgencysAccountsWithTheirValidity() throws Exception {
		this.mvc.perform(get("/config/accounts").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lakeside Pets")))
			.andExpect(content().string(containsString("Expired: the user removed Token Warden&#39;s app at the publisher")));
	}

}
