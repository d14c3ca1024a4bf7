package org.edgewise.api.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.regex.Pattern;

/**
 * Says in words why a file operation failed. The JDK's file exceptions carry only the path as their message
 * ({@code AccessDeniedException: /data/out}); a user needs the reason: {@code permission denied}.
 */
public final class FileErrors {

    /** Qualified Java class names ({@code io.jhdf.exceptions.HdfException: }), which a user cannot act on. */
    private static final Pattern CLASS_NAME = Pattern
            .compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    private FileErrors() {
    }

    /**
     * @param error a failed file operation
     * @return the reason in words, without the path or any class name, e.g. {@code permission denied},
     *         {@code no space left on device}
     */
    public static String reason(IOException error) {
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (error instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (error instanceof NotDirectoryException) {
            return "is not a folder";
        }
        if (error instanceof DirectoryNotEmptyException) {
            return "folder is not empty";
        }
        if (error instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        }
        if (error instanceof NotLinkException) {
            return "is not a symbolic link";
        }
        if (error instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return lowerFirst(fs.getReason());
            }
            return "file system error";
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? "input/output error" : oneLine(message);
    }

    /**
     * @param error a failed file operation
     * @return the file it concerned and the reason, e.g. {@code /data/out/a.h5: permission denied}
     */
    public static String describe(IOException error) {
        if (error instanceof FileSystemException fs && fs.getFile() != null) {
            String other = fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")";
            return fs.getFile() + other + ": " + reason(error);
        }
        return reason(error);
    }

    /**
     * Explains an error that Edgewise did not describe itself (from a library, or a bug) in a few words.
     *
     * @param error the error
     * @return the first message in its cause chain, on one line and without Java class names; a file error in
     *         words; or a generic phrase when there is no message
     */
    public static String explain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException fs) {
                return describe(fs);
            }
            String text = t.getMessage() == null ? "" : withoutClassNames(oneLine(t.getMessage()));
            if (!text.isBlank()) {
                return text;
            }
        }
        return error instanceof IOException ? "input/output error" : "internal error";
    }

    /**
     * @param text a message
     * @return it without qualified Java class names
     */
    public static String withoutClassNames(String text) {
        return CLASS_NAME.matcher(text).replaceAll("").replace("()", "").replaceAll("\\s{2,}", " ").trim();
    }

    private static String lowerFirst(String text) {
        String line = oneLine(text);
        return line.length() > 1 && Character.isUpperCase(line.charAt(0)) && Character.isLowerCase(line.charAt(1))
                ? Character.toLowerCase(line.charAt(0)) + line.substring(1) : line;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
