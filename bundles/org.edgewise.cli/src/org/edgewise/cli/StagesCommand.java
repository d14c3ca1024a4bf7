package org.edgewise.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.edgewise.api.parameters.ParameterDescription;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.StageRegistries;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise stages}: every registered stage with its ports and parameters (unit, default, bounds), as
 * declared under the extension point {@code org.edgewise.api.stages}.
 */
@Command(name = "stages", description = "List the registered pipeline stages with their parameters.")
final class StagesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StageDescriptor> stages = StageRegistries.fromExtensions().all();
        out.println(stages.size() + " stages");
        for (StageDescriptor stage : stages) {
            out.println();
            out.println(stage.id() + "  " + stage.name() + "  [" + stage.category() + "]  version "
                    + stage.bundleVersion());
            if (!stage.description().isEmpty()) {
                out.println("    " + stage.description());
            }
            if (!stage.doi().isEmpty()) {
                out.println("    doi: " + stage.doi());
            }
            out.println("    in:  " + ports(stage.inputs()));
            out.println("    out: " + ports(stage.outputs()));
            List<ParameterDescription> parameters = Parameters.describe(stage.modelClass());
            if (parameters.isEmpty()) {
                out.println("    no parameters");
            }
            for (ParameterDescription parameter : parameters) {
                StringBuilder line = new StringBuilder("    ").append(parameter.name()).append(" (")
                        .append(parameter.label()).append("): ").append(parameter.type().getSimpleName());
                if (!parameter.unit().isEmpty()) {
                    line.append(", ").append(parameter.unit());
                }
                line.append(", default ").append(parameter.defaultValue().isEmpty() ? "-" : parameter.defaultValue());
                if (!parameter.boundsText().isEmpty()) {
                    line.append(", range ").append(parameter.boundsText());
                }
                if (!parameter.choices().isEmpty()) {
                    line.append(", one of ").append(parameter.choices());
                }
                if (!parameter.description().isEmpty()) {
                    line.append(" - ").append(parameter.description());
                }
                out.println(line);
            }
        }
        return 0;
    }

    private static String ports(List<Port> ports) {
        return ports.isEmpty() ? "-" : ports.stream().map(Port::toString).collect(Collectors.joining(", "));
    }
}
