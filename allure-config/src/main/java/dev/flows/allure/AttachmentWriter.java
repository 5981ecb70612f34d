package dev.flows.allure;

import java.io.InputStream;

/**
 * Writes an attachment's bytes into the Allure results folder under a file name ({@code <uuid>-attachment.png}):
 * {@code AllureLifecycle::writeAttachment} inside a running test, {@code FileSystemResultsWriter::write} outside one.
 */
@FunctionalInterface
public interface AttachmentWriter {

    void write(String source, InputStream content);
}
