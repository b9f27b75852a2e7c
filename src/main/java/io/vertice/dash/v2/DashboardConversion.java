package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.json.Json;

/**
 * Classic dashboard JSON ↔ Grafana's v2 dashboard schema ({@code dashboard.grafana.app/v2} and
 * {@code v2beta1}), on Jackson trees. The one entry point of this package.
 *
 * <p>The rules are Grafana's own server-side converter's
 * ({@code apps/dashboard/pkg/migration/conversion/} in grafana/grafana: {@code v1beta1_to_v2alpha1.go},
 * the v2alpha1 → v2beta1 step, {@code v2alpha1_to_v1beta1.go}), checked against Grafana's 20
 * conversion fixtures. Covered:
 * <ul>
 *   <li>panels → {@code elements["panel-<id>"]} ({@code Panel}, or {@code LibraryPanel} holding only
 *       the reference), each target → a {@code PanelQuery} whose {@code DataQuery} has the datasource
 *       type as {@code group} and its uid as {@code datasource.name}; options, typed field config
 *       (thresholds, mappings, overrides), data links, transformations, query options, Angular
 *       panel types with their old options under {@code options.__angularMigration};</li>
 *   <li>layout: {@code GridLayout} without rows, else {@code RowsLayout} (collapsed rows, repeated
 *       rows, panels above the first row in a row with a hidden header), grid items with repeat
 *       options; back to classic also from {@code TabsLayout}, nested rows and {@code AutoGridLayout};</li>
 *   <li>variables of every kind (query, custom, textbox, constant, datasource, interval, adhoc,
 *       group by, switch) with Grafana's enum names; annotations (built-in, filter, mappings,
 *       {@code legacyOptions}); dashboard links; time settings and cursor sync.</li>
 * </ul>
 * Not covered, because they need a Grafana server: resolving a datasource's type from its uid or
 * the default datasource (dash leaves the type empty, which means "default"), and repeat options
 * stored only in a library panel's model. v2 → classic drops what classic cannot hold (conditional
 * rendering, per-row variables, a repeat inside an auto grid), as Grafana does; {@link #toV2}
 * drops what v2 cannot hold (a variable of unknown type, panel fields outside Grafana's schema go to
 * {@code __angularMigration}): {@link ConversionLoss#of} (classic → v2) and
 * {@link ConversionLoss#ofV2} (v2 → classic) name the first such loss, so a caller can refuse it.
 */
public final class DashboardConversion {
    /** The Kubernetes kind of a dashboard resource. */
    public static final String KIND = "Dashboard";

    private DashboardConversion() {}

    /** A classic dashboard (or a {@code {"dashboard": ...}} wrapper) → a {@code dashboard.grafana.app/v2} spec. */
    public static ObjectNode toV2(ObjectNode classic) {
        return toV2(classic, SchemaVersion.V2);
    }

    /** A classic dashboard → the spec of the given v2 version. The input is not changed. */
    public static ObjectNode toV2(ObjectNode classic, SchemaVersion version) {
        JsonNode wrapped = classic.get("dashboard");
        JsonNode dashboard = wrapped != null && wrapped.isObject() ? wrapped : classic;
        return ClassicToV2.convert(dashboard, version);
    }

    /**
     * A v2 or v2beta1 spec → a classic dashboard, without {@code uid} (it lives in the resource's
     * {@code metadata.name}: see {@link #classicOfResource}). The input is not changed.
     */
    public static ObjectNode toClassic(ObjectNode v2spec) {
        return V2ToClassic.convert(v2spec);
    }

    /** The Kubernetes resource for a spec: {@code apiVersion}, {@code kind}, {@code metadata.name} = uid, {@code spec}. */
    public static ObjectNode resource(String uid, ObjectNode spec, SchemaVersion version) {
        ObjectNode r = Json.object();
        r.put("apiVersion", version.apiVersion());
        r.put("kind", KIND);
        r.putObject("metadata").put("name", uid);
        r.set("spec", spec.deepCopy());
        return r;
    }

    /**
     * A {@code dashboard.grafana.app} v2 or v2beta1 resource → a classic dashboard whose {@code uid}
     * is the resource's {@code metadata.name}; anything else is one sentence (exit 2).
     */
    public static ObjectNode classicOfResource(ObjectNode resource) {
        String apiVersion = Trees.text(resource, "apiVersion");
        if (SchemaVersion.ofApiVersion(apiVersion) == null || !KIND.equals(Trees.text(resource, "kind"))) {
            throw DashException.input("expected a dashboard.grafana.app/v2 or v2beta1 Dashboard, got apiVersion '"
                    + apiVersion + "' kind '" + Trees.text(resource, "kind") + "'.");
        }
        ObjectNode spec = Trees.object(resource, "spec");
        if (spec == null) {
            throw DashException.input("the v2 Dashboard resource has no 'spec' object.");
        }
        ObjectNode classic = toClassic(spec);
        String uid = Trees.text(resource.path("metadata"), "name");
        if (!uid.isEmpty()) {
            classic.put("uid", uid);
        }
        return classic;
    }
}
