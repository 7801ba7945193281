package io.noetl.app;

import java.util.Map;
import picocli.CommandLine;

/** Creates commands with a constructor taking the environment map when they have one. */
final class EnvFactory implements CommandLine.IFactory {

    private final Map<String, String> env;

    EnvFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.getDeclaredConstructor(Map.class).newInstance(env);
        } catch (NoSuchMethodException noEnvConstructor) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
