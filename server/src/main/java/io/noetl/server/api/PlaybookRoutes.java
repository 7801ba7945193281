package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.schemas.playbook.PlaybookException;
import io.noetl.schemas.playbook.Step;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.catalog.CatalogEntry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/playbooks}: register, list, read versions. */
final class PlaybookRoutes {

    private static final java.util.Set<String> SECRET_OPTIONS = java.util.Set.of("token", "map", "password",
            "client_secret", "secret", "api_key");

    private final Catalog catalog;

    PlaybookRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/playbooks", this::create);
        routes.get("/api/playbooks", this::list);
        routes.get("/api/playbooks/<path>", this::get);
    }

    private void create(Context ctx) {
        String yaml = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (yaml.isBlank()) {
            throw ApiException.badRequest("invalid_playbook", "request body is empty; a playbook in YAML is required",
                    List.of(Map.of("path", "$", "line", 0, "message", "empty body")));
        }
        CatalogEntry entry;
        try {
            entry = catalog.register(yaml);
        } catch (PlaybookException e) {
            List<Map<String, Object>> details = e.problems().stream()
                    .map(p -> Map.<String, Object>of("path", p.path(), "line", p.line(), "message", p.message()))
                    .toList();
            throw ApiException.badRequest("invalid_playbook",
                    "playbook has " + details.size() + " problem(s)", details);
        }
        Map<String, Object> body = summary(entry, false);
        body.put("warnings", entry.playbook().warnings().stream()
                .map(w -> Map.<String, Object>of("path", w.path(), "line", w.line(), "message", w.message()))
                .toList());
        Responses.json(ctx, 201, body);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> items = catalog.list().stream().map(e -> summary(e, false)).toList();
        Responses.page(ctx, items, null);
    }

    private void get(Context ctx) {
        String path = ctx.pathParam("path");
        String versionParam = ctx.queryParam("version");
        Integer version = null;
        if (versionParam != null) {
            try {
                version = Integer.parseInt(versionParam);
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 1) {
                throw ApiException.badRequest("invalid_request", "version must be a positive integer",
                        List.of(Map.of("path", "version", "message", "got '" + versionParam + "'")));
            }
        }
        Integer wanted = version;
        CatalogEntry entry = catalog.resolve(path, version).orElseThrow(() -> ApiException.notFound(
                "playbook '" + path + "'" + (wanted == null ? "" : " version " + wanted)));
        Responses.json(ctx, 200, summary(entry, true));
    }

    static Map<String, Object> summary(CatalogEntry entry, boolean withSource) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", entry.path());
        body.put("version", entry.version());
        body.put("name", entry.playbook().name());
        if (entry.playbook().description() != null) {
            body.put("description", entry.playbook().description());
        }
        body.put("steps", entry.playbook().workflow().stream().map(PlaybookRoutes::step).toList());
        if (withSource) {
            body.put("source", redactedSource(entry.playbook()));
        }
        return body;
    }

    /**
     * The YAML as registered, with every literal keychain value replaced by {@code ***}: secrets written into a
     * playbook are for workers only, never for API readers. Entries that name an {@code env} variable carry no value.
     */
    static String redactedSource(io.noetl.schemas.playbook.Playbook playbook) {
        String source = playbook.source();
        if (playbook.keychain() == null) {
            return source;
        }
        java.util.List<String> secrets = new java.util.ArrayList<>();
        playbook.keychain().forEach(entry -> {
            collectLeaves(entry.value(), secrets);
            // NoETL's kinds carry literal secrets in these fields (a static map, a bearer token); templates are not
            entry.options().forEach((key, value) -> {
                if (SECRET_OPTIONS.contains(key)) {
                    collectLeaves(value, secrets);
                }
            });
        });
        secrets.removeIf(io.noetl.schemas.template.Templates::isTemplate);
        secrets.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first
        for (String secret : secrets) {
            source = source.replace(secret, "***");
        }
        return source;
    }

    /** Scalar values inside a keychain value (a string, or a map/list such as {host, user, password}). */
    private static void collectLeaves(Object value, java.util.List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectLeaves(v, out));
        } else if (value instanceof java.util.Collection<?> list) {
            list.forEach(v -> collectLeaves(v, out));
        } else if (value != null && !String.valueOf(value).isBlank()) {
            out.add(String.valueOf(value));
        }
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("tool", s.toolKind().wire());
        out.put("next", s.next().arcs().stream().map(a -> a.step()).toList());
        return out;
    }
}
