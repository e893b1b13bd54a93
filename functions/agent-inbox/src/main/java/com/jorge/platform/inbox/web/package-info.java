/**
 * The HTTP side, for Micronaut: the API's controllers, the page, the rate-limit filter and the one
 * error handler. Thin: each route resolves the caller and calls the domain.
 */
package com.jorge.platform.inbox.web;
