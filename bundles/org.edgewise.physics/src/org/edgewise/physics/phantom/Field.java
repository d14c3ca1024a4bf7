package org.edgewise.physics.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A large field of view full of secondary particles, as a TXM scan of a cathode powder sees it: particles of drawn
 * sizes, shapes, orientations and architectures whose centres fill the cylinder that the detector sees over a half
 * turn (radius = half the field width, height = the field height), so that particles near its wall or its top and
 * bottom are cut by the field's edges; some are placed in contact with a neighbour, slightly interpenetrating as
 * sintered agglomerates do, and all others keep a gap. Built deterministically from a seed.
 * <pre>{@code
 * Field field = Field.generate(FieldSpec.paperLike(List.of(Architecture.preset("63ni")), 24), 50, 41.8, 7);
 * }</pre>
 * World frame as in {@link ScanGeometry}: origin on the rotation axis at the centre of the field, z along the axis.
 */
public final class Field {

    /**
     * Two particles in contact.
     *
     * @param first     the lower id
     * @param second    the higher id
     * @param scale     their contact scale ({@link Ellipsoids#contactScale}), ≤ 1
     * @param overlapUm how far they interpenetrate along the line through their centres, µm (0 when they only touch)
     */
    public record Contact(int first, int second, double scale, double overlapUm) {
    }

    private static final int RANDOM_ATTEMPTS = 5000;
    private static final int CONTACT_ATTEMPTS = 300;

    private final List<Particle> particles;
    private final List<String> architectures;
    private final List<Contact> contacts;
    private final double widthUm;
    private final double heightUm;

    private Field(List<Particle> particles, List<String> architectures, List<Contact> contacts, double widthUm,
            double heightUm) {
        this.particles = List.copyOf(particles);
        this.architectures = List.copyOf(architectures);
        this.contacts = List.copyOf(contacts);
        this.widthUm = widthUm;
        this.heightUm = heightUm;
    }

    /** @return the particles, ids 1..n in this order */
    public List<Particle> particles() {
        return particles;
    }

    /**
     * @param id a particle id (1-based)
     * @return the name of the composition model it was built with
     */
    public String architecture(int id) {
        return architectures.get(id - 1);
    }

    /** @return every pair in contact (contact scale ≤ 1), ordered by first then second id */
    public List<Contact> contacts() {
        return contacts;
    }

    /** @return diameter of the cylinder that holds the particle centres, µm */
    public double widthUm() {
        return widthUm;
    }

    /** @return height of that cylinder, µm */
    public double heightUm() {
        return heightUm;
    }

    /** @return the particles as a {@link Phantom} (for {@link Projector}); its field is the width */
    public Phantom phantom() {
        String names = architectures.stream().distinct().collect(Collectors.joining("+"));
        return new Phantom(particles, widthUm, names);
    }

    /**
     * Builds a field.
     *
     * @param spec     what to build
     * @param widthUm  diameter of the cylinder holding the centres (the detector width), µm
     * @param heightUm its height (the detector height), µm
     * @param seed     random seed; the same seed gives the same field
     * @return the field
     * @throws IllegalArgumentException if the particles do not fit
     */
    public static Field generate(FieldSpec spec, double widthUm, double heightUm, long seed) {
        if (!(widthUm > 0) || !(heightUm > 0)) {
            throw new IllegalArgumentException("the field must have a positive width and height");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < spec.particles(); i++) {
            double diameter = spec.diameterUm() * Math.exp(spec.diameterSpread() * Phantom.normal(random));
            double ratio = spec.feretRatioMin() + (spec.feretRatioMax() - spec.feretRatioMin()) * random.nextDouble();
            // a : b : c = 1 : sqrt(r) : r with abc = (D/2)^3, as in Phantom
            double a = diameter / 2 / Math.sqrt(ratio);
            double[] axes = { a, a * Math.sqrt(ratio), a * ratio };
            double[] rotation = Phantom.randomRotation(random);
            int architecture = random.nextInt(spec.architectures().size());
            Placed shape = new Placed(axes, rotation, Ellipsoids.shapeMatrix(axes, rotation), architecture);
            boolean touching = !placed.isEmpty() && random.nextDouble() < spec.touchingShare();
            Vec3 centre = touching ? inContact(shape, placed, spec, widthUm, heightUm, random) : null;
            if (centre == null) {
                centre = free(shape, placed, spec, widthUm, heightUm, random);
            }
            if (centre == null) {
                throw new IllegalArgumentException(spec.particles() + " particles of " + spec.diameterUm()
                        + " µm do not fit in a field of " + widthUm + " × " + heightUm + " µm (particle " + (i + 1)
                        + " found no room): use fewer particles or a larger field");
            }
            shape.centre = centre;
            placed.add(shape);
        }
        List<Particle> particles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            ProfileModel model = spec.architectures().get(p.architecture);
            List<Pore> pores = Phantom.pores(p.axes, spec.porosity(), random);
            particles.add(new Particle(i + 1, p.centre, p.axes, p.rotation, pores, model.forParticle(p.axes),
                    spec.shellStepUm()));
            names.add(model.name());
        }
        return new Field(particles, names, contacts(placed), widthUm, heightUm);
    }

    /** A particle's shape while the field is being packed. */
    private static final class Placed {
        final double[] axes;
        final double[] rotation;
        final double[] sigma;
        final int architecture;
        Vec3 centre;

        Placed(double[] axes, double[] rotation, double[] sigma, int architecture) {
            this.axes = axes;
            this.rotation = rotation;
            this.sigma = sigma;
            this.architecture = architecture;
        }

        double largest() {
            return axes[0];
        }

        double smallest() {
            return axes[2];
        }
    }

    private static boolean insideRegion(Vec3 c, double widthUm, double heightUm) {
        return Math.hypot(c.x(), c.y()) <= widthUm / 2 && Math.abs(c.z()) <= heightUm / 2;
    }

    /** Whether a shape at {@code centre} keeps its gap to every placed particle except {@code except}. */
    private static boolean clear(Placed shape, Vec3 centre, List<Placed> placed, Placed except, double gap) {
        for (Placed other : placed) {
            if (other == except) {
                continue;
            }
            Vec3 d = centre.minus(other.centre);
            double distance = d.norm();
            if (distance >= (shape.largest() + other.largest()) * (1 + gap)) {
                continue; // bounding spheres apart
            }
            if (distance < (shape.smallest() + other.smallest()) * (1 + gap)) {
                return false; // inscribed spheres closer than allowed
            }
            if (Ellipsoids.contactScale(new double[] { d.x(), d.y(), d.z() }, other.sigma, shape.sigma) < 1 + gap) {
                return false;
            }
        }
        return true;
    }

    private static Vec3 free(Placed shape, List<Placed> placed, FieldSpec spec, double widthUm, double heightUm,
            SplittableRandom random) {
        double radius = widthUm / 2;
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            double r = radius * Math.sqrt(random.nextDouble());
            double phi = 2 * Math.PI * random.nextDouble();
            Vec3 c = new Vec3(r * Math.cos(phi), r * Math.sin(phi), heightUm * (random.nextDouble() - 0.5));
            if (clear(shape, c, placed, null, spec.gap())) {
                return c;
            }
        }
        return null;
    }

    /** A centre where the shape touches a random earlier particle (scaled contact in [1 − maxOverlap, 1]). */
    private static Vec3 inContact(Placed shape, List<Placed> placed, FieldSpec spec, double widthUm,
            double heightUm, SplittableRandom random) {
        for (int attempt = 0; attempt < CONTACT_ATTEMPTS; attempt++) {
            Placed anchor = placed.get(random.nextInt(placed.size()));
            double z = 2 * random.nextDouble() - 1;
            double phi = 2 * Math.PI * random.nextDouble();
            double ring = Math.sqrt(1 - z * z);
            double[] direction = { ring * Math.cos(phi), ring * Math.sin(phi), z };
            double unitScale = Ellipsoids.contactScale(direction, anchor.sigma, shape.sigma);
            double target = 1 - spec.maxOverlap() * random.nextDouble();
            double distance = target / unitScale; // the contact scale grows linearly with the distance
            Vec3 c = new Vec3(anchor.centre.x() + distance * direction[0], anchor.centre.y() + distance * direction[1],
                    anchor.centre.z() + distance * direction[2]);
            if (insideRegion(c, widthUm, heightUm) && clear(shape, c, placed, anchor, spec.gap())) {
                return c;
            }
        }
        return null;
    }

    private static List<Contact> contacts(List<Placed> placed) {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                Placed a = placed.get(i);
                Placed b = placed.get(j);
                Vec3 d = b.centre.minus(a.centre);
                if (d.norm() >= a.largest() + b.largest()) {
                    continue;
                }
                double scale = Ellipsoids.contactScale(new double[] { d.x(), d.y(), d.z() }, a.sigma, b.sigma);
                if (scale <= 1 + 1e-9) {
                    double overlap = reach(a, d, 1) + reach(b, d, -1) - d.norm();
                    out.add(new Contact(i + 1, j + 1, Math.min(scale, 1), Math.max(0, overlap)));
                }
            }
        }
        return out;
    }

    /** Distance from the centre to the surface along {@code sign·d}, µm. */
    private static double reach(Placed p, Vec3 d, double sign) {
        double n = d.norm();
        double[] u = { sign * d.x() / n, sign * d.y() / n, sign * d.z() / n };
        double q = 0;
        for (int k = 0; k < 3; k++) {
            // local component along axis k: column k of the rotation dotted with u
            double local = p.rotation[k] * u[0] + p.rotation[3 + k] * u[1] + p.rotation[6 + k] * u[2];
            q += local * local / (p.axes[k] * p.axes[k]);
        }
        return 1 / Math.sqrt(q);
    }
}
