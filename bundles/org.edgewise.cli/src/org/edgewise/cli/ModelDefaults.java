package org.edgewise.cli;

import java.util.Map;

import org.edgewise.api.parameters.Parameters;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives options the defaults of the stages' parameter records, so that a default lives in one place (the record's
 * {@code @Parameter}) and {@code --help} shows it. A command lists which option takes which record component.
 */
final class ModelDefaults implements IDefaultValueProvider {

    /** A command whose options default to parameter record values. */
    interface Source {
        /** @return option name (e.g. {@code --iterations}) → its default, read from a record of defaults */
        Map<String, Object> optionDefaults();
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !(argument.command().userObject() instanceof Source source)) {
            return null;
        }
        Object value = source.optionDefaults().get(option.longestName());
        if (value instanceof Double number) {
            return Parameters.formatNumber(number);
        }
        return value == null ? null : String.valueOf(value);
    }
}
