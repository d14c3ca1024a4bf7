package org.edgewise.workflow.streaming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgewise.api.Element;
import org.edgewise.api.files.InputException;
import org.edgewise.io.DataExchange;
import org.edgewise.io.Hdf5Files;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * The shapes a {@link MemoryPlan} needs, read from the files' headers (no data is read).
 * <pre>{@code
 * MemoryPlan.ScanShape s = InputShapes.scan(Path.of("scan_06_ni_above.h5"));   // angles × rows × columns
 * }</pre>
 */
public final class InputShapes {

    private InputShapes() {
    }

    /**
     * @param file a Data Exchange scan (already checked)
     * @return its projections' shape and its numbers of flat and dark frames (0 when it has none)
     * @throws IOException naming the file if its projections are not 3-D
     */
    public static MemoryPlan.ScanShape scan(Path file) throws IOException {
        try (HdfFile hdf = Hdf5Files.open(file)) {
            int[] data = dimensions(hdf, DataExchange.DATA);
            if (data == null || data.length != 3) {
                throw new InputException(file, DataExchange.DATA, "is not a 3-D stack of projections");
            }
            return new MemoryPlan.ScanShape(data[0], data[1], data[2], frames(hdf, DataExchange.WHITE),
                    frames(hdf, DataExchange.DARK));
        }
    }

    /**
     * @param file a volumes file (the {@code volumes.h5} of {@code edgewise reconstruct} or of the streaming
     *             reconstruction)
     * @return the shapes {@code [z, y, x]} of its six volumes ({@code ni_below} ... {@code co_above})
     * @throws IOException naming the file if one of them is missing
     */
    public static List<MemoryPlan.VolumeShape> volumes(Path file) throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        try (HdfFile hdf = Hdf5Files.open(file)) {
            collect(hdf, datasets);
            List<MemoryPlan.VolumeShape> shapes = new ArrayList<>();
            for (Element e : Element.values()) {
                for (String side : List.of("_below", "_above")) {
                    String name = e.symbol().toLowerCase(Locale.ROOT) + side;
                    int[] d = datasets.stream().filter(ds -> mentions(ds.getPath(), name)).map(Dataset::getDimensions)
                            .findFirst().orElseThrow(() -> new InputException(file, null, "no 3-D volume " + name));
                    shapes.add(new MemoryPlan.VolumeShape(d[0], d[1], d[2]));
                }
            }
            return shapes;
        } catch (RuntimeException e) {
            throw new InputException(file, null, "cannot be read as a volumes file: " + e.getMessage(), e);
        }
    }

    private static boolean mentions(String path, String name) {
        for (String part : path.split("/")) {
            if (part.equals(name) || part.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Group group, List<Dataset> into) {
        for (Node node : group.getChildren().values()) {
            if (node instanceof Dataset ds && ds.getDimensions().length == 3) {
                into.add(ds);
            } else if (node instanceof Group g && !node.isLink()) {
                collect(g, into);
            }
        }
    }

    private static int[] dimensions(HdfFile hdf, String path) {
        try {
            return hdf.getDatasetByPath(path).getDimensions();
        } catch (RuntimeException e) {
            return null; // missing or not a dataset
        }
    }

    private static int frames(HdfFile hdf, String path) {
        int[] d = dimensions(hdf, path);
        return d == null || d.length != 3 ? 0 : d[0];
    }
}
