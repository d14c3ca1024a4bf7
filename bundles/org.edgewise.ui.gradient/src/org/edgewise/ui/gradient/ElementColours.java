package org.edgewise.ui.gradient;

import org.edgewise.api.Element;

/** One colour per element, the same in every chart and in the RGB map: Ni red, Mn green, Co blue. */
final class ElementColours {

    private ElementColours() {
    }

    /** @param element an element @return its colour, {@code 0xRRGGBB} */
    static int rgb(Element element) {
        return switch (element) {
        case NI -> 0xd62728;
        case MN -> 0x2ca02c;
        case CO -> 0x1f77b4;
        };
    }

    /** @return the elements in the order of the RGB channels */
    static Element[] channels() {
        return new Element[] { Element.NI, Element.MN, Element.CO };
    }
}
