/**
 * Secrets of a run (basic-auth passwords, secret headers, credentials) and their redaction: one type,
 * {@link dev.flows.secret.Secrets}, masks them in every text and file a run writes.
 */
package dev.flows.secret;
