package org.edgewise.workflow.streaming;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an analysis may use memory and disk: {@code edgewise analyze --memory SIZE --scratch DIR --bin 2|4
 * --streaming auto|on|off}.
 * <pre>{@code
 * MemoryOptions options = MemoryOptions.defaults().withBudgetBytes(MemoryPlan.parseSize("4g"));
 * }</pre>
 *
 * @param budgetBytes the memory to stay within, bytes (default: the JVM's maximum heap)
 * @param scratch     the folder for the volumes file and temporary files, or null for a hidden folder in the output's
 *                    staging folder
 * @param bin         detector binning on input: 1 (none), 2 or 4; rows and columns divided, pixel size multiplied
 * @param streaming   in memory, streaming, or chosen by the {@link MemoryPlan}
 * @param freeSpace   how the scratch folder's free space is measured ({@link Scratch.FreeSpace#FILE_STORE}; a test
 *                    can simulate a small disk)
 */
public record MemoryOptions(long budgetBytes, Path scratch, int bin, MemoryPlan.Choice streaming,
        Scratch.FreeSpace freeSpace) {

    public MemoryOptions {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("--memory must be at least one byte, was " + budgetBytes);
        }
        if (bin != 1 && bin != 2 && bin != 4) {
            throw new IllegalArgumentException("--bin must be 2 or 4 (or 1: no binning), was " + bin);
        }
        Objects.requireNonNull(streaming, "streaming");
        Objects.requireNonNull(freeSpace, "freeSpace");
    }

    /** The options with the file system's free space. */
    public MemoryOptions(long budgetBytes, Path scratch, int bin, MemoryPlan.Choice streaming) {
        this(budgetBytes, scratch, bin, streaming, Scratch.FreeSpace.FILE_STORE);
    }

    /** @return the JVM's maximum heap as the budget, the default scratch folder, no binning, the plan's choice */
    public static MemoryOptions defaults() {
        return new MemoryOptions(Runtime.getRuntime().maxMemory(), null, 1, MemoryPlan.Choice.AUTO);
    }

    /** @param bytes another budget @return a copy with it */
    public MemoryOptions withBudgetBytes(long bytes) {
        return new MemoryOptions(bytes, scratch, bin, streaming, freeSpace);
    }

    /** @param folder another scratch folder (null: the default) @return a copy with it */
    public MemoryOptions withScratch(Path folder) {
        return new MemoryOptions(budgetBytes, folder, bin, streaming, freeSpace);
    }

    /** @param factor another binning on input @return a copy with it */
    public MemoryOptions withBin(int factor) {
        return new MemoryOptions(budgetBytes, scratch, factor, streaming, freeSpace);
    }

    /** @param choice another choice of path @return a copy with it */
    public MemoryOptions withStreaming(MemoryPlan.Choice choice) {
        return new MemoryOptions(budgetBytes, scratch, bin, choice, freeSpace);
    }

    /** @param measure another measure of free space @return a copy with it */
    public MemoryOptions withFreeSpace(Scratch.FreeSpace measure) {
        return new MemoryOptions(budgetBytes, scratch, bin, streaming, measure);
    }
}
