package org.edgewise.physics.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgewise.physics.TmFractions;

/**
 * A user-defined profile: compositions at increasing depths, linearly interpolated between them and held constant
 * beyond the first and last depth. The same profile is used for every particle.
 */
public final class TabulatedProfile implements CompositionProfile, ProfileModel {

    private final String name;
    private final double[] depthsUm;
    private final TmFractions[] values;

    /**
     * @param name     a name for reports
     * @param depthsUm strictly increasing depths, µm
     * @param values   compositions at those depths
     */
    public TabulatedProfile(String name, double[] depthsUm, TmFractions[] values) {
        if (depthsUm.length == 0 || depthsUm.length != values.length) {
            throw new IllegalArgumentException("a profile needs as many compositions as depths, and at least one");
        }
        for (int i = 1; i < depthsUm.length; i++) {
            if (!(depthsUm[i] > depthsUm[i - 1])) {
                throw new IllegalArgumentException("profile depths must increase strictly: " + depthsUm[i - 1]
                        + " then " + depthsUm[i] + " µm");
            }
        }
        this.name = name;
        this.depthsUm = depthsUm.clone();
        this.values = values.clone();
    }

    /**
     * Reads a CSV table with the header {@code depth_um,ni,mn,co} (the three amounts are normalised to sum to one).
     *
     * @param file the table
     * @return the profile, named {@code user:<file name>}
     * @throws IOException if the file cannot be read
     */
    public static TabulatedProfile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            if (rows.isEmpty() && !Character.isDigit(cells[0].trim().charAt(0))) {
                String header = line.toLowerCase(Locale.ROOT).replace(" ", "");
                if (!header.startsWith("depth_um,ni,mn,co")) {
                    throw new IOException(file + ": header must be depth_um,ni,mn,co, was " + line);
                }
                continue;
            }
            if (cells.length < 4) {
                throw new IOException(file + " line " + (i + 1) + ": expected depth_um,ni,mn,co, was " + line);
            }
            try {
                rows.add(new double[] { Double.parseDouble(cells[0].trim()), Double.parseDouble(cells[1].trim()),
                        Double.parseDouble(cells[2].trim()), Double.parseDouble(cells[3].trim()) });
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a number in " + line, e);
            }
        }
        double[] depths = new double[rows.size()];
        TmFractions[] values = new TmFractions[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            depths[i] = r[0];
            values[i] = TmFractions.normalised(r[1], r[2], r[3]);
        }
        try {
            return new TabulatedProfile("user:" + file.getFileName(), depths, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TmFractions at(double depthUm) {
        if (depthUm <= depthsUm[0]) {
            return values[0];
        }
        int last = depthsUm.length - 1;
        if (depthUm >= depthsUm[last]) {
            return values[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (depthsUm[mid] <= depthUm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (depthUm - depthsUm[lo]) / (depthsUm[hi] - depthsUm[lo]);
        TmFractions a = values[lo];
        TmFractions b = values[hi];
        return TmFractions.normalised(a.ni() + w * (b.ni() - a.ni()), a.mn() + w * (b.mn() - a.mn()),
                a.co() + w * (b.co() - a.co()));
    }

    @Override
    public CompositionProfile forParticle(double[] semiAxesUm) {
        return this;
    }

    @Override
    public String name() {
        return name;
    }
}
