package io.tokenwarden.agencies;

/** The signed-in person as the layout's header shows them, whether or not they belong to an agency. */
public record SignedIn(String email, boolean installationAdmin) {
}
