package dev.flows.monitor.cli;

import dev.flows.run.Shard;
import picocli.CommandLine;

/** Reads {@code --shard 2/3}; a malformed value is a one-line error naming the option. */
final class ShardOption implements CommandLine.ITypeConverter<Shard> {

    @Override
    public Shard convert(String value) {
        return Shard.parse(value);
    }
}
