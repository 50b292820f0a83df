package io.sitedeck.domotz;

import io.sitedeck.domotz.model.Agent;
import io.sitedeck.domotz.model.AgentAlertBinding;
import io.sitedeck.domotz.model.AgentHistoryEvent;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.ApiUsage;
import io.sitedeck.domotz.model.ConnectionRequest;
import io.sitedeck.domotz.model.ConnectionSession;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.DeviceCredentials;
import io.sitedeck.domotz.model.DeviceHistoryEvent;
import io.sitedeck.domotz.model.DevicePowerActions;
import io.sitedeck.domotz.model.DomotzUser;
import io.sitedeck.domotz.model.RtdSample;
import io.sitedeck.domotz.model.RtdStatistics;
import io.sitedeck.domotz.model.SnmpCommunity;
import io.sitedeck.domotz.model.SpeedSample;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * All 31 operations of the Domotz Public API v0.6.0, one method each, named as the reference
 * names them. Built per base URL by {@link DomotzClients}; only {@link DomotzGateway} calls it.
 * Query date-times are strings already formatted by {@link DomotzTime#query}.
 */
@Produces(MediaType.APPLICATION_JSON)
interface DomotzApi {

    String KEY = "X-Api-Key";

    // agent

    @GET
    @Path("/agent")
    List<Agent> listAgents(@HeaderParam(KEY) String key, @QueryParam("page_size") Integer pageSize,
                           @QueryParam("page_number") Integer pageNumber,
                           @QueryParam("display_name") String displayName, @QueryParam("team_name") String teamName);

    @HEAD
    @Path("/agent")
    Response countAgents(@HeaderParam(KEY) String key, @QueryParam("display_name") String displayName,
                         @QueryParam("team_name") String teamName);

    @GET
    @Path("/agent/{agent_id}")
    Agent getAgent(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId);

    // device

    @DELETE
    @Path("/agent/{agent_id}/device")
    void deleteDownDevices(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId);

    @GET
    @Path("/agent/{agent_id}/device")
    List<Device> listDevices(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                             @QueryParam("show_hidden") Boolean showHidden);

    @DELETE
    @Path("/agent/{agent_id}/device/{device_id}")
    void deleteDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                      @PathParam("device_id") int deviceId);

    @GET
    @Path("/agent/{agent_id}/device/{device_id}")
    Device getDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                     @PathParam("device_id") int deviceId);

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/action/power")
    DevicePowerActions getDevicePowerActions(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                             @PathParam("device_id") int deviceId);

    @POST
    @Path("/agent/{agent_id}/device/{device_id}/action/power/{field}")
    void powerActionOnDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                             @PathParam("device_id") int deviceId, @PathParam("field") String action);

    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    void setCredentials(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                        @PathParam("device_id") int deviceId, DeviceCredentials credentials);

    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/snmp-community")
    @Consumes(MediaType.APPLICATION_JSON)
    void setSnmpCommunity(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                          @PathParam("device_id") int deviceId, SnmpCommunity community);

    @DELETE
    @Path("/agent/{agent_id}/device/{device_id}/visibility")
    void hideDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                    @PathParam("device_id") int deviceId);

    /** {@code field} keeps its literal slash ({@code user_data/name}); the body is a JSON string. */
    @PUT
    @Path("/agent/{agent_id}/device/{device_id}/{field}")
    @Consumes(MediaType.APPLICATION_JSON)
    void editDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                    @PathParam("device_id") int deviceId, @Encoded @PathParam("field") String field,
                    String jsonStringBody);

    // metrics

    @GET
    @Path("/agent/{agent_id}/device/rtd")
    List<RtdStatistics> getAgentRTDStats(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId);

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/history/network/event")
    List<DeviceHistoryEvent> getDeviceStatusHistory(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                                    @PathParam("device_id") int deviceId,
                                                    @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/history/rtd")
    List<RtdSample> getDeviceRTDHistory(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                        @PathParam("device_id") int deviceId,
                                        @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/agent/{agent_id}/history/network/event")
    List<AgentHistoryEvent> getAgentStatusHistory(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                                  @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/agent/{agent_id}/history/network/speed")
    List<SpeedSample> getSpeedTestHistory(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                          @QueryParam("from") String from, @QueryParam("to") String to);

    // actions and multimedia

    @POST
    @Path("/agent/{agent_id}/device/{device_id}/connection")
    @Consumes(MediaType.APPLICATION_JSON)
    ConnectionSession connectToDevice(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                                      @PathParam("device_id") int deviceId, ConnectionRequest request);

    @GET
    @Path("/agent/{agent_id}/device/{device_id}/multimedia/camera/snapshot")
    @Produces("image/*")
    Response onvifSnapshot(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId,
                           @PathParam("device_id") int deviceId);

    // alert profiles

    @GET
    @Path("/user/{user_id}/alert-profile")
    List<AlertProfile> getAlertProfiles(@HeaderParam(KEY) String key, @PathParam("user_id") int userId);

    @GET
    @Path("/alert-profile/binding/agent/{agent_id}")
    List<AgentAlertBinding> getAgentAlertProfile(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId);

    @GET
    @Path("/alert-profile/binding/agent/{agent_id}/device")
    List<DeviceAlertBinding> getDevicesAlertProfile(@HeaderParam(KEY) String key, @PathParam("agent_id") int agentId);

    @DELETE
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}")
    void unbindAlertProfileFromAgent(@HeaderParam(KEY) String key, @PathParam("alert_profile_id") int profileId,
                                     @PathParam("agent_id") int agentId);

    @POST
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}")
    void bindAlertProfileToAgent(@HeaderParam(KEY) String key, @PathParam("alert_profile_id") int profileId,
                                 @PathParam("agent_id") int agentId);

    @DELETE
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}/device/{device_id}")
    void unbindAlertProfileFromDevice(@HeaderParam(KEY) String key, @PathParam("alert_profile_id") int profileId,
                                      @PathParam("agent_id") int agentId, @PathParam("device_id") int deviceId);

    @POST
    @Path("/alert-profile/{alert_profile_id}/binding/agent/{agent_id}/device/{device_id}")
    void bindAlertProfileToDevice(@HeaderParam(KEY) String key, @PathParam("alert_profile_id") int profileId,
                                  @PathParam("agent_id") int agentId, @PathParam("device_id") int deviceId);

    // meta, assets, user

    @GET
    @Path("/meta/usage")
    ApiUsage apiUsageInfo(@HeaderParam(KEY) String key);

    @GET
    @Path("/type/device/base")
    List<DeviceBaseType> listDeviceBaseTypes(@HeaderParam(KEY) String key);

    @GET
    @Path("/type/device/detected")
    List<DetectedDeviceType> listDeviceDetectedTypes(@HeaderParam(KEY) String key);

    @GET
    @Path("/user")
    DomotzUser getUser(@HeaderParam(KEY) String key);
}
