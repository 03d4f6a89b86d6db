using DxGeo.Core.Errors;

namespace DxGeo.Imagery.Capture;

/// <summary>
/// A stand-in camera for simulated flights: for each trigger it copies a scene photo (the scenes in turn) and writes the
/// trigger's position, altitudes, time and gimbal angles into its EXIF and DJI-style XMP, as a drone camera would.
/// The photos then go through the same ingest as real ones. Files are named DJI_&lt;index + 1&gt;.JPG like a DJI card.
/// </summary>
public static class SimulatedCameraOp
{
    public static IReadOnlyList<string> Run(IReadOnlyList<CaptureTrigger> triggers, string sceneFolder, string outFolder,
        SimulatedCamera? camera = null, IProgress<(long Done, long? Total, string What)>? progress = null)
    {
        var cam = camera ?? SimulatedCamera.M30Zoom75;
        if (!Directory.Exists(sceneFolder)) throw new DxGeoException($"scene folder not found: {sceneFolder}");
        var scenes = Directory.EnumerateFiles(sceneFolder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg")
            .Order(StringComparer.Ordinal).ToArray();
        if (scenes.Length == 0) throw new DxGeoException($"{sceneFolder}: no JPEG scenes to photograph");
        Directory.CreateDirectory(outFolder);
        var bytes = scenes.Select(File.ReadAllBytes).ToArray();
        var written = new List<string>(triggers.Count);
        for (var i = 0; i < triggers.Count; i++)
        {
            var t = triggers[i];
            var photo = JpegMetadataWriter.Write(bytes[t.ImageIndex % bytes.Length], new CaptureTags
            {
                Make = cam.Make, Model = cam.Model, CapturedUtc = t.TimeUtc, LatDeg = t.LatDeg, LonDeg = t.LonDeg,
                AltitudeAbsM = t.AltitudeAbsM, AltitudeRelM = t.AltitudeRelM, FocalLengthMm = cam.FocalLengthMm,
                FocalLength35mmMm = cam.FocalLength35mmMm, GimbalPitchDeg = t.GimbalPitchDeg, GimbalYawDeg = t.YawDeg,
                GimbalRollDeg = 0, FlightYawDeg = t.YawDeg, FlightPitchDeg = 0, FlightRollDeg = 0,
            });
            var path = Path.Combine(outFolder, $"DJI_{t.ImageIndex + 1:D4}.JPG");
            var tmp = path + ".tmp";
            File.WriteAllBytes(tmp, photo);
            File.Move(tmp, path, overwrite: true);
            written.Add(path);
            progress?.Report((i + 1, triggers.Count, "photos"));
        }
        return written;
    }

    /// <summary>Heading (° from north) from one position to the next, for triggers whose yaw the flight log does not give.</summary>
    public static double BearingDeg(double lat1, double lon1, double lat2, double lon2)
    {
        double R(double d) => d * Math.PI / 180;
        var y = Math.Sin(R(lon2 - lon1)) * Math.Cos(R(lat2));
        var x = Math.Cos(R(lat1)) * Math.Sin(R(lat2)) - Math.Sin(R(lat1)) * Math.Cos(R(lat2)) * Math.Cos(R(lon2 - lon1));
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }
}
