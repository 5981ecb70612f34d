/**
 * The browser port ({@link dev.flows.browser.Browser}, {@link dev.flows.browser.Page}) implemented on top of the
 * engine SPI ({@link dev.flows.engine.spi}): waiting, actions, traces and failure messages, once for every engine.
 * Internal: users reach it through {@link dev.flows.browser.Browser#launch}.
 */
package dev.flows.engine.port;
