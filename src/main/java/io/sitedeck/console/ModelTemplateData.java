package io.sitedeck.console;

import io.quarkus.qute.TemplateData;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DeviceKind;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.domotz.model.RtdStatistics;

/**
 * Value resolvers generated at build time for the Domotz model records that pages read through
 * shared tags (which are not type-checked, so Quarkus would otherwise leave those members to Qute's
 * reflection resolver). Declared here, not on the records: the gateway's model knows nothing of
 * templates. {@code EveryPageInBrowserTest} fails on any page expression that reaches reflection.
 */
@TemplateData(target = Device.class)
@TemplateData(target = Device.Details.class)
@TemplateData(target = Device.Names.class)
@TemplateData(target = Device.UserData.class)
@TemplateData(target = DeviceHistoryEvent.class)
@TemplateData(target = DeviceHistoryEvent.IpChange.class)
@TemplateData(target = DeviceKind.class, namespace = TemplateData.SIMPLENAME)
@TemplateData(target = DeviceStatus.class, namespace = TemplateData.SIMPLENAME)
@TemplateData(target = RtdStatistics.class)
final class ModelTemplateData {

    private ModelTemplateData() {
    }
}
