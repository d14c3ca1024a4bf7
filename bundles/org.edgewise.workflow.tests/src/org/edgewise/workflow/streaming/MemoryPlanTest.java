package org.edgewise.workflow.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;

import org.edgewise.core.pipeline.Failures;
import org.edgewise.workflow.streaming.MemoryPlan.Choice;
import org.edgewise.workflow.streaming.MemoryPlan.ScanShape;
import org.edgewise.workflow.streaming.MemoryPlan.TooSmallException;
import org.edgewise.workflow.streaming.MemoryPlan.VolumeShape;
import org.junit.jupiter.api.Test;

/**
 * The plan on real shapes: the expected numbers were computed independently from the model as written in
 * {@code docs/large-data.md} (a separate script, not this code), so a change of the model or a slip in its code shows
 * here. Sizes: 1 GB = 1024³ bytes.
 */
class MemoryPlanTest {

    private static final long GB = 1L << 30;
    private static final long MB = 1L << 20;

    /** The six-scan field of the target: 721 angles × 1024 rows × 1224 columns, 10 flats, 5 darks. */
    private static final List<ScanShape> FIELD = Collections.nCopies(6, new ScanShape(721, 1024, 1224, 10, 5));
    /** The 128-wide presets of {@code edgewise simulate}: 180 angles. */
    private static final List<ScanShape> PRESET_128 = Collections.nCopies(6, new ScanShape(180, 128, 128, 10, 5));
    /** The bad-input suite's run: 24 angles of 32 × 32. */
    private static final List<ScanShape> TINY = Collections.nCopies(6, new ScanShape(24, 32, 32, 10, 5));

    @Test
    void theTargetFieldStreamsInFourGigabytesWithCopiesBinnedByFour() throws TooSmallException {
        MemoryPlan plan = MemoryPlan.forScans(FIELD, 1, 4 * GB, Choice.AUTO);
        assertEquals(MemoryPlan.Path.STREAMING, plan.path());
        assertEquals(372_037_019_239L, plan.inMemoryBytes()); // 346.5 GB: six 5.7 GB volumes and the scans
        assertEquals(4, plan.reductionFactor());
        assertEquals(104, plan.reconstructionSlabRows());
        assertEquals(101, plan.passSlabRows());
        assertEquals(19_793_344L, plan.cropVoxels());
        assertEquals(270, plan.cropEdge());
        assertEquals(2_627_192_013L, plan.streamingBytes()); // the estimates on the copies binned by 4
        assertEquals(2_627_192_013L, plan.neededBytes());
        assertEquals(42_955_702_272L, plan.scratchBytes()); // six float volumes and the int labels: 40.0 GB
        assertEquals("streaming analysis of 6 scans of 721 × 1024 × 1224 (angles × rows × columns): estimates on"
                + " copies binned by 4, slabs of 104 rows (reconstruction) and 101 slices (passes), particle crops up"
                + " to 270³ voxels, scratch 40.0 GB (in memory 346.5 GB, streaming 2.4 GB, budget 4.0 GB)",
                plan.toString());
    }

    @Test
    void theReductionFactorIsTheSmallestThatFits() throws TooSmallException {
        long copiesBinnedByThree = 6_147_306_343L; // the estimates' need with f = 3
        assertEquals(3, MemoryPlan.forScans(FIELD, 1, copiesBinnedByThree, Choice.AUTO).reductionFactor());
        assertEquals(4, MemoryPlan.forScans(FIELD, 1, copiesBinnedByThree - 1, Choice.AUTO).reductionFactor());
        MemoryPlan small = MemoryPlan.forScans(FIELD, 1, GB, Choice.AUTO);
        assertEquals(6, small.reductionFactor());
        assertEquals(24, small.reconstructionSlabRows());
        assertEquals(11, small.passSlabRows());
        assertEquals(4_712_701L, small.cropVoxels());
        assertEquals(1_073_163_424L, small.streamingBytes());
    }

    @Test
    void binningOnInputDividesRowsAndColumns() throws TooSmallException {
        MemoryPlan plan = MemoryPlan.forScans(FIELD, 2, 4 * GB, Choice.AUTO);
        assertEquals(MemoryPlan.Path.STREAMING, plan.path());
        assertEquals(52_098_256_077L, plan.inMemoryBytes());
        assertEquals(2, plan.reductionFactor());
        assertEquals(320, plan.reconstructionSlabRows());
        assertEquals(454, plan.passSlabRows()); // half the budget: 454 of the 512 slices
        assertEquals(5_369_462_784L, plan.scratchBytes());
        // the full 2448 × 2048 detector at 1500 angles, binned by 2: the target's volumes from more projections
        MemoryPlan full = MemoryPlan.forScans(Collections.nCopies(6, new ScanShape(1500, 2048, 2448, 10, 5)), 2,
                4 * GB, Choice.AUTO);
        assertEquals(5, full.reductionFactor());
        assertEquals(72, full.reconstructionSlabRows());
        assertEquals(3_080_608_864L, full.streamingBytes());
        assertEquals(42_955_702_272L, full.scratchBytes());
    }

    @Test
    void the128WidePresetsRunInMemoryAndStreamWithFullResolutionEstimates() throws TooSmallException {
        MemoryPlan auto = MemoryPlan.forScans(PRESET_128, 1, 4 * GB, Choice.AUTO);
        assertEquals(MemoryPlan.Path.IN_MEMORY, auto.path());
        assertEquals(668_414_772L, auto.inMemoryBytes()); // 637 MB: measured to need 384–512 MB
        assertEquals(0, auto.scratchBytes());
        assertEquals(1, auto.reductionFactor());
        MemoryPlan on = MemoryPlan.forScans(PRESET_128, 1, 4 * GB, Choice.ON);
        assertEquals(MemoryPlan.Path.STREAMING, on.path());
        assertEquals(1, on.reductionFactor()); // the estimates are the in-memory ones
        assertEquals(128, on.reconstructionSlabRows());
        assertEquals(128, on.passSlabRows());
        assertEquals(2_097_152L, on.cropVoxels()); // the whole volume
        assertEquals(291_084_698L, on.streamingBytes());
        assertEquals(58_720_256L, on.scratchBytes());
    }

    @Test
    void theInMemoryPathIsTakenExactlyWhenItsNeedFitsTheBudget() throws TooSmallException {
        assertEquals(MemoryPlan.Path.IN_MEMORY, MemoryPlan.forScans(PRESET_128, 1, 668_414_772L, Choice.AUTO).path());
        MemoryPlan below = MemoryPlan.forScans(PRESET_128, 1, 668_414_771L, Choice.AUTO);
        assertEquals(MemoryPlan.Path.STREAMING, below.path());
        assertEquals(1, below.reductionFactor());
        TooSmallException off = assertThrows(TooSmallException.class, () -> MemoryPlan.forScans(PRESET_128, 1,
                668_414_771L, Choice.OFF));
        assertEquals("needs 637.5 MB of memory for the in-memory analysis (--streaming off) of 6 scans of 180 × 128 ×"
                + " 128 (angles × rows × columns), has 637.4 MB (--memory or -Xmx); the streaming path"
                + " (--streaming auto) fits", off.getMessage());
        assertEquals(668_414_772L, off.neededBytes());
    }

    @Test
    void theStreamingPathIsTakenExactlyWhenItsNeedFitsTheBudget() throws TooSmallException {
        // the tiny run's streaming need is its smallest crop (the whole 32³ volume) with the analysis chain
        MemoryPlan exact = MemoryPlan.forScans(TINY, 1, 74_108_109L, Choice.AUTO);
        assertEquals(MemoryPlan.Path.STREAMING, exact.path());
        assertEquals(76_025_037L, exact.inMemoryBytes());
        assertEquals(74_108_109L, exact.streamingBytes());
        assertEquals(32_768L, exact.cropVoxels());
        assertEquals(917_504L, exact.scratchBytes());
        TooSmallException e = assertThrows(TooSmallException.class, () -> MemoryPlan.forScans(TINY, 1,
                74_108_108L, Choice.AUTO));
        assertEquals("needs 70.7 MB of memory for the streaming analysis of 6 scans of 24 × 32 × 32 (angles × rows ×"
                + " columns) (in memory 72.5 MB), has 70.7 MB (--memory or -Xmx); or bin the detector on input"
                + " (--bin 2)", e.getMessage());
        assertEquals(Failures.Kind.INPUT, Failures.kind(e)); // exit code 3
        assertEquals(3, Failures.kind(e).exitCode());
    }

    @Test
    void aBudgetTooSmallForAnythingNamesTheSmallerNeed() {
        TooSmallException field = assertThrows(TooSmallException.class, () -> MemoryPlan.forScans(FIELD, 1, 64 * MB,
                Choice.AUTO));
        assertEquals("needs 887.0 MB of memory for the streaming analysis of 6 scans of 721 × 1024 × 1224 (angles ×"
                + " rows × columns) (in memory 346.5 GB), has 64.0 MB (--memory or -Xmx); or bin the detector on input"
                + " (--bin 2)", field.getMessage());
        TooSmallException binned = assertThrows(TooSmallException.class, () -> MemoryPlan.forScans(FIELD, 4, MB,
                Choice.ON));
        assertEquals("needs 117.4 MB of memory for the streaming analysis of 6 scans of 721 × 1024 × 1224 (angles ×"
                + " rows × columns) binned by 4, has 1.0 MB (--memory or -Xmx)", binned.getMessage());
    }

    @Test
    void aVolumesFileNeedsNoReconstruction() throws TooSmallException {
        List<VolumeShape> volumes = Collections.nCopies(6, new VolumeShape(1024, 1224, 1224));
        MemoryPlan plan = MemoryPlan.forVolumes(volumes, 4 * GB, Choice.AUTO);
        assertEquals(MemoryPlan.Path.STREAMING, plan.path());
        assertEquals(327_757_751_911L, plan.inMemoryBytes());
        assertEquals(4, plan.reductionFactor());
        assertEquals(0, plan.reconstructionSlabRows());
        assertEquals(101, plan.passSlabRows());
        assertEquals(19_793_344L, plan.cropVoxels());
        assertEquals(2_627_192_013L, plan.streamingBytes());
        assertEquals(6_136_528_896L, plan.scratchBytes()); // the labels only
        MemoryPlan small = MemoryPlan.forVolumes(volumes, GB, Choice.AUTO);
        assertEquals(6, small.reductionFactor());
        assertEquals(11, small.passSlabRows());
        assertEquals(930_058_240L, small.streamingBytes()); // the smallest pass: 24 slices at twice their size
    }

    @Test
    void sizesAreReadAndWrittenAsTheJvmCountsThem() {
        assertEquals(4L << 30, MemoryPlan.parseSize("4g"));
        assertEquals(4L << 30, MemoryPlan.parseSize(" 4G "));
        assertEquals(4L << 30, MemoryPlan.parseSize("4gb"));
        assertEquals(512L << 20, MemoryPlan.parseSize("512m"));
        assertEquals(3L << 29, MemoryPlan.parseSize("1.5g"));
        assertEquals(1L << 40, MemoryPlan.parseSize("1t"));
        assertEquals(2048, MemoryPlan.parseSize("2k"));
        assertEquals(1000, MemoryPlan.parseSize("1000"));
        for (String bad : new String[] { "", "four", "-1g", "4x", "0", "0.1", "g", "4 g b", "1e9" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryPlan.parseSize(
                    bad), bad);
            assertEquals("--memory must be a size such as 4g or 512m (bytes with an optional unit k, m, g or t), was '"
                    + bad + "'", e.getMessage());
        }
        assertEquals("7.2 GB", MemoryPlan.formatSize(7_730_941_133L));
        assertEquals("4.0 GB", MemoryPlan.formatSize(4L << 30));
        assertEquals("512.0 MB", MemoryPlan.formatSize(512L << 20));
        assertEquals("1.0 kB", MemoryPlan.formatSize(1000));
        assertEquals(Choice.OFF, Choice.parse("Off"));
        assertThrows(IllegalArgumentException.class, () -> Choice.parse("maybe"));
        assertThrows(IllegalArgumentException.class, () -> MemoryPlan.forScans(FIELD, 3, 4 * GB, Choice.AUTO));
    }
}
