package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgewise.api.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tschoonj.xraylib.Xraylib;

class ElementTest {

    @ParameterizedTest
    @EnumSource(Element.class)
    void kEdgeAgreesWithXraylibWithinOneElectronVolt(Element element) {
        double xraylibEdgeKev = Xraylib.EdgeEnergy(element.atomicNumber(), Xraylib.K_SHELL);
        assertEquals(xraylibEdgeKev, element.kEdgeKev(), 0.001, element.symbol());
    }

    @ParameterizedTest
    @EnumSource(Element.class)
    void atomicNumberMatchesXraylibSymbol(Element element) {
        assertEquals(element.symbol(), Xraylib.AtomicNumberToSymbol(element.atomicNumber()));
    }

    @Test
    void scansTwentyElectronVoltsEitherSideOfAnEdgeBelongToThatElement() {
        assertEquals(Element.NI, Element.nearestEdge(8.313, 0.1).orElseThrow());
        assertEquals(Element.NI, Element.nearestEdge(8.353, 0.1).orElseThrow());
        assertEquals(Element.MN, Element.nearestEdge(6.519, 0.1).orElseThrow());
        assertEquals(Element.CO, Element.nearestEdge(7.729, 0.1).orElseThrow());
    }

    @Test
    void anEnergyFarFromEveryEdgeBelongsToNoElement() {
        // 8.0 keV is 333 eV below the Ni edge and 291 eV above the Co edge
        assertTrue(Element.nearestEdge(8.0, 0.1).isEmpty());
    }

    @Test
    void symbolLookupIgnoresCaseAndRejectsOthers() {
        assertEquals(Element.CO, Element.bySymbol(" co ").orElseThrow());
        assertTrue(Element.bySymbol("Fe").isEmpty());
    }
}
