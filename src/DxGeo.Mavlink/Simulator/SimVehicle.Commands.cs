using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Vehicle;

namespace DxGeo.Mavlink.Simulator;

public sealed partial class SimVehicle
{
    /// <summary>Executes a command the way the flavour's autopilot would and returns its MAV_RESULT.</summary>
    private MavResult Execute(MavCmd cmd, byte confirmation, float p1, float p2, float p3, float p4, float p5, float p6, float p7, List<IMavlinkMessage> outbox)
    {
        switch (cmd)
        {
            case MavCmd.ComponentArmDisarm when p1 >= 0.5f:
                if (_flight.Armed) return MavResult.Accepted;
                if (PreArmFailure() is { } why)
                {
                    outbox.Add(new StatusText { Severity = MavSeverity.Critical, Text = why });
                    return MavResult.Denied;
                }
                _flight.Armed = true;
                outbox.Add(HomePositionMessage());
                return MavResult.Accepted;
            case MavCmd.ComponentArmDisarm:
                if (_flight.InAir && (int)p2 != 21196) return MavResult.Denied; // 21196 forces a disarm in flight
                _flight.Armed = false;
                return MavResult.Accepted;

            case MavCmd.DoSetMode:
                if (((int)p1 & (int)MavModeFlag.CustomModeEnabled) == 0) return MavResult.Unsupported;
                var mode = FlightModes.FromCustomMode(_o.Flavor, FlightModes.CustomModeFromParams(_o.Flavor, p2, p3));
                if (mode == FlightMode.Unknown) return MavResult.Unsupported;
                if (mode == FlightMode.Auto && !HasMission()) return MavResult.Denied;
                _flight.SetModeBehaviour(mode);
                return MavResult.Accepted;

            case MavCmd.NavTakeoff:
                if (!_flight.Armed) return MavResult.Denied;
                if (_o.Flavor == AutopilotFlavor.ArduPilot && _flight.Mode != FlightMode.Guided) return MavResult.Denied; // Copter takes off in GUIDED
                var alt = _o.Flavor == AutopilotFlavor.Px4 ? (float.IsNaN(p7) ? 2.5 : p7 - _o.HomeAltAmslM) : p7;
                if (alt <= 0) return MavResult.Denied;
                if (_o.Flavor == AutopilotFlavor.Px4) _flight.Mode = FlightMode.Takeoff;
                _flight.TakeOff(alt);
                return MavResult.Accepted;

            case MavCmd.MissionStart:
                if (!_flight.Armed || !HasMission()) return MavResult.Denied;
                // A retransmission (confirmation > 0) after a lost ACK must not restart a running mission.
                if (confirmation > 0 && _flight.Mode == FlightMode.Auto && !_flight.MissionComplete) return MavResult.Accepted;
                _flight.StartMission(Math.Max((int)p1, _o.Flavor == AutopilotFlavor.ArduPilot ? 1 : 0));
                return MavResult.Accepted;

            case MavCmd.NavReturnToLaunch:
                if (!_flight.Armed) return MavResult.Denied;
                _flight.SetModeBehaviour(FlightMode.Rtl);
                return MavResult.Accepted;

            case MavCmd.NavLand:
                if (!_flight.Armed) return MavResult.Denied;
                _flight.SetModeBehaviour(FlightMode.Land);
                return MavResult.Accepted;

            case MavCmd.DoSetRelay:
                _flight.Payload(SimPayloadKind.Relay, (int)p1, p2);
                return MavResult.Accepted;
            case MavCmd.DoSetServo:
                _flight.Payload(SimPayloadKind.Servo, (int)p1, p2);
                return MavResult.Accepted;

            case MavCmd.SetMessageInterval:
                var us = p2;
                var id = (uint)p1;
                if (us < 0) _intervals.Remove(id);
                else _intervals[id] = TimeSpan.FromMicroseconds(us == 0 ? 250_000 : us);
                _nextSend[id] = DateTime.UtcNow;
                return MavResult.Accepted;

            case MavCmd.RequestMessage:
                if (Single((uint)p1) is not { } m) return MavResult.Unsupported;
                outbox.Add(m);
                return MavResult.Accepted;

            default:
                return MavResult.Unsupported;
        }
    }

    private bool HasMission() => _missions.Items(MissionType.Mission).Count > (_o.Flavor == AutopilotFlavor.ArduPilot ? 1 : 0);

    /// <summary>REQUEST_DATA_STREAM groups as ArduPilot maps them to messages.</summary>
    private void RequestStream(MavDataStream stream, ushort rateHz)
    {
        uint[] ids = stream switch
        {
            MavDataStream.ExtendedStatus => [1, 24, 42],
            MavDataStream.Position => [33],
            MavDataStream.Extra1 => [30],
            MavDataStream.Extra2 => [74],
            MavDataStream.Extra3 => [147],
            MavDataStream.All => [1, 24, 42, 33, 30, 74, 147],
            _ => [],
        };
        foreach (var id in ids)
        {
            if (rateHz == 0) _intervals.Remove(id);
            else { _intervals[id] = TimeSpan.FromSeconds(1.0 / rateHz); _nextSend[id] = DateTime.UtcNow; }
        }
    }
}
