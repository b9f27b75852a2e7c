package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An entry of a dashboard's top-level panel list: a panel or a row header. */
public sealed interface DashboardElement permits Panel, Row {
    int id();

    GridPos gridPos();

    ObjectNode toJson();
}
