using DxGeo.Flight.Missions;

namespace DxGeo.Mavlink.Protocol;

/// <summary>Compares a mission read back from a vehicle with the one sent, within the rounding autopilots apply.</summary>
public static class MissionComparer
{
    /// <summary>The first difference as a sentence naming the item and field, or null when they match.</summary>
    public static string? FirstDifference(IReadOnlyList<MissionItem> sent, IReadOnlyList<MissionItem> readBack, MissionProtocolOptions o)
    {
        if (sent.Count != readBack.Count) return $"vehicle holds {readBack.Count} items, {sent.Count} were sent";
        for (var i = 0; i < sent.Count; i++)
        {
            var (a, b) = (sent[i], readBack[i]);
            string? field =
                a.Command != b.Command ? $"command {a.Command} vs {b.Command}" :
                MissionItemConversion.Normalize(a.Frame) != MissionItemConversion.Normalize(b.Frame) ? $"frame {a.Frame} vs {b.Frame}" :
                Math.Abs(a.LatitudeDeg - b.LatitudeDeg) > o.PositionToleranceDeg ? $"latitude {a.LatitudeDeg} vs {b.LatitudeDeg}" :
                Math.Abs(a.LongitudeDeg - b.LongitudeDeg) > o.PositionToleranceDeg ? $"longitude {a.LongitudeDeg} vs {b.LongitudeDeg}" :
                !Near(a.Z, b.Z, o.AltitudeToleranceM) ? $"altitude {a.Z} vs {b.Z}" :
                !NearParam(a.Param1, b.Param1, o.ParamTolerance) ? $"param1 {a.Param1} vs {b.Param1}" :
                !NearParam(a.Param2, b.Param2, o.ParamTolerance) ? $"param2 {a.Param2} vs {b.Param2}" :
                !NearParam(a.Param3, b.Param3, o.ParamTolerance) ? $"param3 {a.Param3} vs {b.Param3}" :
                !NearParam(a.Param4, b.Param4, o.ParamTolerance) ? $"param4 {a.Param4} vs {b.Param4}" :
                a.Autocontinue != b.Autocontinue ? $"autocontinue {a.Autocontinue} vs {b.Autocontinue}" : null;
            if (field is not null) return $"item {i}: {field}";
        }
        return null;
    }

    private static bool Near(float a, float b, double tol) => (float.IsNaN(a) && float.IsNaN(b)) || Math.Abs(a - b) <= tol;

    // NaN means "unchanged/default" (PX4); autopilots that cannot store NaN return 0 for it.
    private static bool NearParam(float a, float b, double tol)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return (float.IsNaN(a) || a == 0) && (float.IsNaN(b) || b == 0);
        return Math.Abs(a - b) <= tol * Math.Max(1, Math.Abs(a));
    }
}
