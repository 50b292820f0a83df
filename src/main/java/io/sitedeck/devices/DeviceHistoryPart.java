package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.web.TimeRange;
import io.sitedeck.web.Timeline;
import java.util.List;

/**
 * The device page's history (range picker, status timeline and events, the RTD chart's and samples' links): what
 * it shows and nothing else, so web.DrawnParts can keep it drawn. It was an eighth of a device view's heap, and it
 * changes only with the range, Domotz's history or the cached samples' count.
 *
 * @param samples how many RTD samples the range holds (the chart and the table read them from the cache)
 */
@TemplateData
record DeviceHistoryPart(String deviceUrl, TimeRange range, List<DeviceHistoryEvent> events,
                         Timeline.Drawing statusLine, int samples) {

    @CheckedTemplate
    static class Templates {
        /** Reads its part and nothing else; its one form is drawn with the CSRF slot (tags/csrfslot). */
        static native TemplateInstance history(DeviceHistoryPart part);
    }

    DeviceHistoryPart {
        events = List.copyOf(events);
    }

    /** This page with its time range, for "Save this view". */
    public String viewUrl() {
        return deviceUrl + "?" + range.query() + (range.utc() ? "&tz=utc" : "");
    }

    /** The chart's samples, compact (JSON columns), for exactly the page's window: read from the cache. */
    public String rtdChartUrl() {
        return deviceUrl + "/rtd/chart.json?" + range.exactQuery();
    }

    /** The samples table, loaded when someone opens it (a page of its own without JavaScript). */
    public String rtdSamplesUrl() {
        return deviceUrl + "/rtd/samples?" + range.exactQuery();
    }

    /** The RTD and status history of the range as CSV. */
    public String csvUrl() {
        return deviceUrl + "/history.csv?" + range.query();
    }
}
