package io.sitedeck.account;

import io.quarkus.qute.TemplateData;

/** What a member may do in their tenant; checked on the server for every endpoint. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public enum Role {
    /** Members, connections, the audit log, and everything a technician may do. */
    ADMIN,
    /** Reads, and every Domotz action. */
    TECHNICIAN,
    /** Reads only. */
    VIEWER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String TECHNICIAN_NAME = "TECHNICIAN";
    public static final String VIEWER_NAME = "VIEWER";
}
