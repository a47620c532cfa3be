/**
 * The read-only status API ({@code /api/v1/**}) and the personal API tokens that open it
 * ({@code /account/api-tokens}).
 */
package io.tokenwarden.api;
