package org.edgewise.physics.phantom;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.physics.EnergyPair;

/**
 * The truth of a simulated field ({@code truth.json}, format {@value #FORMAT}): every particle with its geometry,
 * whether the field of view cuts it, its touching neighbours and its true depth profile.
 * <p>
 * What an analysis can recover of a cut particle: a particle cut only by the top or bottom rows is reconstructed
 * exactly up to the cut (parallel beam: detector rows are independent slices), but the cut face is not its surface,
 * so depths measured from the visible hull are wrong near it. A particle that leaves the lateral field at some angles
 * is seen only over part of the half turn: outside the cylinder that every projection sees its reconstruction is a
 * truncation artefact. {@code inViewShare} is the share of its envelope inside the region that every projection of
 * every scan sees. The profiles are those of the whole particle; compare depth profiles only for particles with
 * {@code cut == false}.
 */
public final class FieldTruth {

    /** Format name in {@code truth.json}. */
    public static final String FORMAT = "edgewise-truth/2";

    private FieldTruth() {
    }

    /**
     * A particle in contact with another.
     *
     * @param id        the neighbour's id
     * @param overlapUm interpenetration along the line of the centres, µm (0 = touching only)
     */
    public record Neighbour(int id, double overlapUm) {
    }

    /**
     * One particle.
     *
     * @param id              1-based label
     * @param architecture    the composition model it was built with
     * @param centreUm        centre {x, y, z}, µm, world frame
     * @param centreVoxel     centre {z, y, x} in voxels of the rows × columns × columns reconstruction at the lowest
     *                        energy's pixel size, with the axis on the volume centre
     * @param semiAxesUm      semi-axes, µm
     * @param rotation        local-to-world rotation, row-major 3×3
     * @param volumeUm3       envelope volume, µm³
     * @param solidVolumeUm3  material volume, µm³
     * @param equivDiameterUm equivalent-sphere diameter of the envelope, µm
     * @param feretRatio      smallest over largest caliper
     * @param pores           number of pores
     * @param cut             whether any projection of any scan misses part of it
     * @param cutLateral      whether it leaves the detector's columns at some angle
     * @param cutTopBottom    whether it leaves the detector's rows
     * @param inViewShare     share of the envelope inside the region every projection sees (1 for whole ones)
     * @param touching        neighbours in contact
     * @param profile         true depth profile of the whole particle
     */
    public record ParticleTruth(int id, String architecture, double[] centreUm, double[] centreVoxel,
            double[] semiAxesUm, double[] rotation, double volumeUm3, double solidVolumeUm3, double equivDiameterUm,
            double feretRatio, int pores, boolean cut, boolean cutLateral, boolean cutTopBottom, double inViewShare,
            List<Neighbour> touching, List<TruthProfiles.Bin> profile) {
    }

    /**
     * Everything in {@code truth.json}.
     *
     * @param format         {@value #FORMAT}
     * @param conventions    plain-language description of the geometry
     * @param profileModel   the architectures' names joined by {@code +}
     * @param architectures  the architectures' names
     * @param seed           the seed
     * @param size           detector columns (as in {@code edgewise-truth/1})
     * @param rows           detector rows
     * @param columns        detector columns
     * @param angles         projections per scan
     * @param flux           incident counts per pixel
     * @param fieldUm        field width (diameter of the cylinder holding the particle centres), µm
     * @param fieldHeightUm  field height, µm
     * @param voxelUm        reconstruction voxel = stated pixel at the lowest energy, µm
     * @param depthBinUm     width of the truth depth bins, µm
     * @param visibleRadiusUm radius of the cylinder about the axis that every projection of every scan sees, µm
     * @param visibleZUm     {lowest, highest} z that every projection sees, µm
     * @param pairs          energies per element
     * @param scans          true scan geometry
     * @param particles      every particle
     * @param contacts       every pair in contact
     */
    public record Truth(String format, String conventions, String profileModel, List<String> architectures,
            long seed, int size, int rows, int columns, int angles, double flux, double fieldUm, double fieldHeightUm,
            double voxelUm, double depthBinUm, double visibleRadiusUm, double[] visibleZUm, List<EnergyPair> pairs,
            List<Simulator.ScanTruth> scans, List<ParticleTruth> particles, List<Field.Contact> contacts) {
    }

    /** Whether a particle leaves the detector's columns or rows in any projection of the scans. */
    record Cut(boolean lateral, boolean topBottom) {
    }

    /**
     * @param particle a particle
     * @param scans    the scans' true geometry
     * @return whether any projection misses part of it, by the columns or by the rows (pixel edges, true pixel size)
     */
    static Cut cut(Particle particle, List<ScanGeometry> scans) {
        double[] sigma = Ellipsoids.shapeMatrix(particle.semiAxesUm(), particle.rotation());
        Vec3 c = particle.centreUm();
        double halfZ = Math.sqrt(sigma[8]);
        boolean lateral = false;
        boolean topBottom = false;
        for (ScanGeometry g : scans) {
            double pixel = g.truePixelUm();
            double rowCentre = (g.rows() - 1) / 2.0;
            for (int a = 0; a < g.anglesDeg().length; a++) {
                double theta = Math.toRadians(g.anglesDeg()[a]);
                double cos = Math.cos(theta);
                double sin = Math.sin(theta);
                double sCentre = c.x() * cos + c.y() * sin;
                double halfS = Math.sqrt(cos * cos * sigma[0] + 2 * cos * sin * sigma[1] + sin * sin * sigma[4]);
                double sMin = (-0.5 - g.rotationCentrePx() - g.jitterColPx()[a]) * pixel;
                double sMax = (g.columns() - 0.5 - g.rotationCentrePx() - g.jitterColPx()[a]) * pixel;
                lateral |= sCentre - halfS < sMin || sCentre + halfS > sMax;
                double zMin = (-0.5 - rowCentre - g.jitterRowPx()[a]) * pixel;
                double zMax = (g.rows() - 0.5 - rowCentre - g.jitterRowPx()[a]) * pixel;
                topBottom |= c.z() - halfZ < zMin || c.z() + halfZ > zMax;
            }
        }
        return new Cut(lateral, topBottom);
    }

    /**
     * @param scans the scans' true geometry
     * @return {radius, lowest z, highest z} of the region about the axis that every projection sees, µm
     */
    static double[] visibleRegion(List<ScanGeometry> scans) {
        double radius = Double.POSITIVE_INFINITY;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (ScanGeometry g : scans) {
            double pixel = g.truePixelUm();
            double rowCentre = (g.rows() - 1) / 2.0;
            for (int a = 0; a < g.anglesDeg().length; a++) {
                double sMin = (-0.5 - g.rotationCentrePx() - g.jitterColPx()[a]) * pixel;
                double sMax = (g.columns() - 0.5 - g.rotationCentrePx() - g.jitterColPx()[a]) * pixel;
                radius = Math.min(radius, Math.min(-sMin, sMax));
                low = Math.max(low, (-0.5 - rowCentre - g.jitterRowPx()[a]) * pixel);
                high = Math.min(high, (g.rows() - 0.5 - rowCentre - g.jitterRowPx()[a]) * pixel);
            }
        }
        return new double[] { radius, low, high };
    }

    /**
     * The share of a particle's envelope inside a region, sampled on a grid of 60 steps across its shortest axis
     * (about ±0.5 % for a particle cut near its middle).
     *
     * @param particle the particle
     * @param region   {radius, lowest z, highest z}, µm ({@link #visibleRegion})
     * @return 0..1
     */
    static double shareInside(Particle particle, double[] region) {
        double[] s = particle.semiAxesUm();
        double[] r = particle.rotation();
        Vec3 c = particle.centreUm();
        double step = 2 * s[2] / 60;
        int nx = (int) Math.ceil(s[0] / step);
        int ny = (int) Math.ceil(s[1] / step);
        int nz = (int) Math.ceil(s[2] / step);
        long inside = 0;
        long visible = 0;
        double radius2 = region[0] * region[0];
        for (int i = -nx; i < nx; i++) {
            double x = (i + 0.5) * step;
            for (int j = -ny; j < ny; j++) {
                double y = (j + 0.5) * step;
                for (int k = -nz; k < nz; k++) {
                    double z = (k + 0.5) * step;
                    if (x * x / (s[0] * s[0]) + y * y / (s[1] * s[1]) + z * z / (s[2] * s[2]) >= 1) {
                        continue;
                    }
                    inside++;
                    double wx = c.x() + r[0] * x + r[1] * y + r[2] * z;
                    double wy = c.y() + r[3] * x + r[4] * y + r[5] * z;
                    double wz = c.z() + r[6] * x + r[7] * y + r[8] * z;
                    if (wx * wx + wy * wy <= radius2 && wz >= region[1] && wz <= region[2]) {
                        visible++;
                    }
                }
            }
        }
        return inside == 0 ? 0 : (double) visible / inside;
    }

    /** @return each particle's contacts as neighbour lists, index = id − 1 */
    static List<List<Neighbour>> neighbours(int particles, List<Field.Contact> contacts) {
        List<List<Neighbour>> out = new ArrayList<>();
        for (int i = 0; i < particles; i++) {
            out.add(new ArrayList<>());
        }
        for (Field.Contact contact : contacts) {
            out.get(contact.first() - 1).add(new Neighbour(contact.second(), contact.overlapUm()));
            out.get(contact.second() - 1).add(new Neighbour(contact.first(), contact.overlapUm()));
        }
        return out;
    }

    static final String CONVENTIONS = "Parallel beam; rotation axis along the detector's vertical (world z). "
            + "Projection i at angle theta: pixel (row, col) integrates mu along direction (-sin theta, cos theta, 0) "
            + "through (s cos theta, s sin theta, z) with s = (col - rotationCentrePx - jitterColPx[i]) * truePixelUm, "
            + "z = (row - (rows-1)/2 - jitterRowPx[i]) * truePixelUm; truePixelUm = statedPixelUm / scale. "
            + "World origin on the axis at the centre of the field; particle centres fill the cylinder of diameter "
            + "fieldUm and height fieldHeightUm, so particles near its wall, top or bottom are cut by the field (cut, "
            + "inViewShare). Where two particles interpenetrate (contacts with scale < 1) the shared lens is material "
            + "of the lower id in the projections. Depth = Euclidean distance below the particle's own surface, solid "
            + "material only, whole particle. Fractions are atomic fractions on the transition-metal site; deltaMu in "
            + "1/um; ratio = deltaMu_e / (deltaMu_Ni + deltaMu_Mn + deltaMu_Co) from bin means (the paper's Eq. 1).";
}
