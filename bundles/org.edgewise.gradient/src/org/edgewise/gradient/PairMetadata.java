package org.edgewise.gradient;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.metadata.MetadataType;
import org.edgewise.api.Element;
import org.edgewise.physics.EnergyPair;

/**
 * The energy pair a differential volume Δμ was formed from, carried with the dataset (its
 * {@link org.edgewise.api.metadata.PhysicalMetadata} holds one energy only), so that the calibration uses the files'
 * actual energies.
 */
public final class PairMetadata implements MetadataType {

    private static final long serialVersionUID = 1L;

    private final Element element;
    private final double belowKev;
    private final double aboveKev;

    private PairMetadata(EnergyPair pair) {
        this.element = pair.element();
        this.belowKev = pair.belowKev();
        this.aboveKev = pair.aboveKev();
    }

    /** @return metadata for a pair */
    public static PairMetadata of(EnergyPair pair) {
        return new PairMetadata(pair);
    }

    /**
     * @return the pair of a differential volume
     * @throws IllegalArgumentException naming the dataset when it carries none
     */
    public static EnergyPair pairOf(ILazyDataset dataset) {
        PairMetadata m = dataset.getFirstMetadata(PairMetadata.class);
        if (m == null) {
            throw new IllegalArgumentException("'" + dataset.getName() + "' is not a differential volume (no energy"
                    + " pair); make it with edgewise.gradient.difference");
        }
        return m.pair();
    }

    /** @return the pair */
    public EnergyPair pair() {
        return new EnergyPair(element, belowKev, aboveKev);
    }

    /** @return the same dataset with this metadata */
    public <T extends ILazyDataset> T attachTo(T dataset) {
        dataset.setMetadata(this);
        return dataset;
    }

    @Override
    public PairMetadata clone() {
        return this; // immutable
    }
}
