package org.edgewise.io.imageio;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.DataFileException;

/**
 * TIFF stacks with the JDK's own TIFF plugin: multi-page files or one file per slice, uint16 or float32.
 * <p>
 * Stacks are {@code [slice, row, column]}. The pixel size travels as ImageJ's description
 * ({@code unit=micron}, {@code spacing=}) and as X/Y resolution in pixels per centimetre, so Fiji opens a written
 * stack as a calibrated stack. Reading returns an {@link IntegerDataset} for 8/16-bit integer pages and a
 * {@link FloatDataset} for 32-bit floating-point pages.
 */
public final class TiffStacks {

    /** A stack and its pixel size. */
    public record Stack(Dataset data, double pixelSizeUm) {
    }

    private TiffStacks() {
    }

    /**
     * Writes a multi-page TIFF atomically.
     *
     * @param file        the file
     * @param stack       {@code [slice, row, column]}; integer datasets are written as uint16 (0..65535), floating
     *                    ones as float32
     * @param pixelSizeUm voxel size, µm, or NaN if unknown
     * @throws IOException if writing fails or a value does not fit uint16
     */
    public static void write(Path file, Dataset stack, double pixelSizeUm) throws IOException {
        checkRank(file, stack);
        AtomicFiles.write(file, temporary -> writePages(file, temporary, stack, 0, stack.getShape()[0], pixelSizeUm));
    }

    /**
     * Writes one single-page TIFF per slice: {@code prefix_0000.tif}, {@code prefix_0001.tif}, ...
     *
     * @return the files written, in slice order
     * @throws IOException if writing fails
     */
    public static List<Path> writeSlices(Path directory, String prefix, Dataset stack, double pixelSizeUm)
            throws IOException {
        checkRank(directory, stack);
        List<Path> files = new ArrayList<>();
        int slices = stack.getShape()[0];
        int digits = Math.max(4, String.valueOf(slices - 1).length());
        for (int z = 0; z < slices; z++) {
            Path file = directory.resolve(String.format(Locale.ROOT, "%s_%0" + digits + "d.tif", prefix, z));
            int slice = z;
            AtomicFiles.write(file, temporary -> writePages(file, temporary, stack, slice, 1, pixelSizeUm));
            files.add(file);
        }
        return files;
    }

    /**
     * Reads every page of a TIFF file.
     *
     * @throws DataFileException if the file is missing, not a TIFF, or its pages differ in size or type
     */
    public static Stack read(Path file) throws IOException {
        return readAll(List.of(file));
    }

    /**
     * Reads one-file-per-slice stacks (or several multi-page files) in the given order.
     *
     * @throws DataFileException naming the offending file
     */
    public static Stack readAll(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IOException("no TIFF files to read");
        }
        List<Raster> pages = new ArrayList<>();
        double pixelSizeUm = Double.NaN;
        Boolean floating = null;
        int rows = -1;
        int columns = -1;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(file, null, "file does not exist");
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = tiffReader(file, in);
                try {
                    reader.setInput(in, false, false);
                    int n = reader.getNumImages(true);
                    for (int i = 0; i < n; i++) {
                        Raster raster = reader.read(i).getRaster();
                        int type = raster.getDataBuffer().getDataType();
                        boolean isFloat = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
                        if (raster.getNumBands() != 1) {
                            throw new DataFileException(file, "page " + i, raster.getNumBands()
                                    + " samples per pixel; only grey-scale stacks are supported");
                        }
                        if (floating == null) {
                            floating = isFloat;
                            rows = raster.getHeight();
                            columns = raster.getWidth();
                        } else if (floating != isFloat || rows != raster.getHeight()
                                || columns != raster.getWidth()) {
                            throw new DataFileException(file, "page " + i, raster.getWidth() + "×"
                                    + raster.getHeight() + (isFloat ? " float" : " integer") + " differs from the first "
                                    + columns + "×" + rows + (floating ? " float" : " integer") + " page");
                        }
                        if (Double.isNaN(pixelSizeUm)) {
                            pixelSizeUm = pixelSize(reader.getImageMetadata(i));
                        }
                        pages.add(raster);
                    }
                } finally {
                    reader.dispose();
                }
            } catch (DataFileException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new DataFileException(file, null, "not a readable TIFF (" + e.getMessage() + ")", e);
            }
        }
        int n = pages.size();
        Dataset data;
        if (floating) {
            float[] flat = new float[n * rows * columns];
            float[] page = new float[rows * columns];
            for (int z = 0; z < n; z++) {
                pages.get(z).getPixels(0, 0, columns, rows, page);
                System.arraycopy(page, 0, flat, z * rows * columns, page.length);
            }
            data = DatasetFactory.createFromObject(FloatDataset.class, flat, n, rows, columns);
        } else {
            int[] flat = new int[n * rows * columns];
            int[] page = new int[rows * columns];
            for (int z = 0; z < n; z++) {
                pages.get(z).getPixels(0, 0, columns, rows, page);
                System.arraycopy(page, 0, flat, z * rows * columns, page.length);
            }
            data = DatasetFactory.createFromObject(IntegerDataset.class, flat, n, rows, columns);
        }
        return new Stack(data, pixelSizeUm);
    }

    /**
     * Lists the TIFF files of a folder in name order (for one-file-per-slice stacks).
     *
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.startsWith(".") && (n.endsWith(".tif") || n.endsWith(".tiff"));
            }).sorted().toList();
        }
    }

    private static void checkRank(Path file, Dataset stack) throws DataFileException {
        if (stack.getRank() != 3) {
            throw new DataFileException(file, null, "a TIFF stack must be 3-D [slice, row, column], was rank "
                    + stack.getRank());
        }
    }

    private static void writePages(Path target, Path temporary, Dataset stack, int first, int count,
            double pixelSizeUm) throws IOException {
        boolean floating = DataExchangeWriter.isFloating(stack);
        int rows = stack.getShape()[1];
        int columns = stack.getShape()[2];
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
            writer.prepareWriteSequence(null);
            for (int z = first; z < first + count; z++) {
                BufferedImage image = floating ? floatImage(stack, z, rows, columns)
                        : ushortImage(target, stack, z, rows, columns);
                IIOMetadata metadata = metadata(writer, image, param, count, pixelSizeUm);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage ushortImage(Path file, Dataset stack, int z, int rows, int columns)
            throws DataFileException {
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        IntegerDataset slice = DatasetUtils.copy(IntegerDataset.class,
                stack.getSliceView(new int[] { z, 0, 0 }, new int[] { z + 1, rows, columns }, null));
        int[] values = slice.getData();
        for (int v : values) {
            if (v < 0 || v > 0xFFFF) {
                throw new DataFileException(file, "slice " + z, "value " + v + " does not fit uint16 (0..65535)");
            }
        }
        raster.setPixels(0, 0, columns, rows, values);
        return image;
    }

    private static BufferedImage floatImage(Dataset stack, int z, int rows, int columns) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        WritableRaster raster = model.createCompatibleWritableRaster(columns, rows);
        FloatDataset slice = DatasetUtils.copy(FloatDataset.class,
                stack.getSliceView(new int[] { z, 0, 0 }, new int[] { z + 1, rows, columns }, null));
        raster.setPixels(0, 0, columns, rows, slice.getData());
        return new BufferedImage(model, raster, false, null);
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage image, ImageWriteParam param, int slices,
            double pixelSizeUm) throws IOException {
        IIOMetadata defaults = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(defaults);
        BaselineTIFFTagSet baseline = BaselineTIFFTagSet.getInstance();
        StringBuilder description = new StringBuilder("ImageJ=1.54f\nimages=").append(slices).append("\nslices=")
                .append(slices).append('\n');
        if (pixelSizeUm > 0) {
            description.append("unit=micron\nspacing=").append(pixelSizeUm).append('\n');
            // pixels per centimetre as a rational; both terms must fit an unsigned 32-bit integer
            double perCm = 1e4 / pixelSizeUm;
            long denominator = Math.max(1, Math.min(1_000_000L, (long) (4.0e9 / (perCm + 1))));
            long numerator = Math.round(perCm * denominator);
            long[][] rational = { { numerator, denominator } };
            directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION),
                    TIFFTag.TIFF_RATIONAL, 1, rational));
            directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION),
                    TIFFTag.TIFF_RATIONAL, 1, rational));
            directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                    BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER));
        }
        directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION),
                TIFFTag.TIFF_ASCII, 1, new String[] { description.toString() }));
        return directory.getAsMetadata();
    }

    private static double pixelSize(IIOMetadata metadata) {
        try {
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
            TIFFField description = directory.getTIFFField(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION);
            if (description != null) {
                for (String line : description.getAsString(0).split("\n")) {
                    if (line.startsWith("spacing=")) {
                        return Double.parseDouble(line.substring("spacing=".length()).trim());
                    }
                }
            }
            TIFFField x = directory.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION);
            TIFFField unit = directory.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT);
            if (x != null && unit != null) {
                double perUnit = x.getAsDouble(0);
                int u = unit.getAsInt(0);
                if (perUnit > 0 && u == BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER) {
                    return 1e4 / perUnit;
                }
                if (perUnit > 0 && u == BaselineTIFFTagSet.RESOLUTION_UNIT_INCH) {
                    return 25400 / perUnit;
                }
            }
        } catch (RuntimeException | javax.imageio.metadata.IIOInvalidTreeException e) {
            // no usable calibration
        }
        return Double.NaN;
    }

    private static ImageReader tiffReader(Path file, ImageInputStream in) throws IOException {
        if (in == null) {
            throw new DataFileException(file, null, "cannot be opened");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getFormatName().toLowerCase(Locale.ROOT).contains("tif")) {
                return reader;
            }
        }
        throw new DataFileException(file, null, "not a TIFF file");
    }
}
