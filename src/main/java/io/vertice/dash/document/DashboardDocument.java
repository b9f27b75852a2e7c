package io.vertice.dash.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.v2.DashboardConversion;
import java.util.Objects;

/**
 * One dashboard as read from a file, our code or Grafana, whatever shape it came in: its identity, the
 * schema its spec is written in, and the spec itself (never a wrapper or envelope). {@link DashboardReader}
 * makes them; it is the only place that knows the shapes.
 *
 * @param origin     where it came from, for every message: a file path, or "Grafana dashboard UID"
 * @param uid        the dashboard's uid ({@code uid}, or {@code metadata.name} of a resource); "" when it has none
 * @param title      its title; "" when it has none
 * @param schema     which schema {@code spec} is written in
 * @param form       how it was wrapped
 * @param apiVersion the resource's {@code apiVersion} ({@code dashboard.grafana.app/v1}); "" for the other forms
 * @param spec       the dashboard itself: classic JSON, or a v2 spec ({@code elements}, {@code layout}, ...)
 * @param metadata   the resource's {@code metadata} (name, annotations such as {@code grafana.app/folder});
 *                   empty for the other forms
 */
public record DashboardDocument(
        String origin,
        String uid,
        String title,
        Schema schema,
        Form form,
        String apiVersion,
        ObjectNode spec,
        ObjectNode metadata) {

    /** The schema of a dashboard spec. */
    public enum Schema {
        /** Classic dashboard JSON ({@code panels}, {@code templating}, {@code schemaVersion}): Grafana 10-12, v0alpha1/v1beta1/v1 resources. */
        CLASSIC,
        /** The v2 model ({@code elements}, {@code layout}, {@code variables}): v2alpha1/v2beta1/v2 resources, Grafana 13's default. */
        V2
    }

    /** The shapes a dashboard comes in. */
    public enum Form {
        /** The dashboard itself, as {@code dash export} and Grafana's "Export as JSON" write it. */
        PLAIN,
        /** The legacy API's answer, {@code {"dashboard": ..., "meta": ...}}. */
        API_WRAPPER,
        /** A Kubernetes-style resource of {@code dashboard.grafana.app} ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}). */
        RESOURCE
    }

    public DashboardDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The dashboard as classic JSON, with its uid, whatever it was read as: what {@code validate},
     * {@code diff} and the legacy import API work on. A v2 spec is converted; a classic resource gets
     * the uid its envelope holds. A fresh copy on every call: callers may change it. The conversion is
     * Grafana's own ({@link DashboardConversion}): every element, library panel reference, variable
     * and annotation query of the v2 spec has its classic place.
     */
    public ObjectNode classic() {
        ObjectNode classic = schema == Schema.CLASSIC ? spec.deepCopy() : DashboardConversion.toClassic(spec);
        if (!uid.isEmpty() && !classic.path("uid").isTextual()) {
            classic.put("uid", uid);
        }
        return classic;
    }

    /**
     * A classic dashboard (ours, from the code) as this document's schema holds it: as it is for a
     * classic document, through v2 and back for a v2 one. Compared with {@link #classic()}, what is left
     * are differences of content, not what the conversion adds or drops (defaults, empty lists).
     */
    public ObjectNode asSchemaHolds(ObjectNode classic) {
        if (schema == Schema.CLASSIC) {
            return classic;
        }
        ObjectNode back = DashboardConversion.toClassic(DashboardConversion.toV2(classic));
        if (classic.path("uid").isTextual()) {
            back.put("uid", classic.get("uid").asText());
        }
        return back;
    }

    /** What messages call it: the title, else the uid, else "untitled dashboard". */
    public String label() {
        return !title.isBlank() ? title : !uid.isBlank() ? uid : "untitled dashboard";
    }
}
