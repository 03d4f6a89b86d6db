using DxGeo.Core.Errors;

namespace DxGeo.Flight.Camera;

/// <summary>
/// A frame camera as survey planning needs it (QGroundControl's CameraSpec): sensor size, focal length and image size.
/// <see cref="Landscape"/> true means the image width lies across the flight direction on nadir passes.
/// </summary>
public sealed record CameraModel
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Drone { get; init; }
    public required double SensorWidthMm { get; init; }
    public required double SensorHeightMm { get; init; }
    public required double FocalLengthMm { get; init; }
    /// <summary>Tele end of an optical zoom (null for a prime lens).</summary>
    public double? FocalLengthMaxMm { get; init; }
    public required int ImageWidthPx { get; init; }
    public required int ImageHeightPx { get; init; }
    /// <summary>Shortest time between two photos the camera sustains (null: unknown).</summary>
    public double? MinTriggerIntervalS { get; init; }
    /// <summary>Manufacturer's maximum flight time of the drone carrying it (null: unknown).</summary>
    public double? FlightTimeMin { get; init; }
    public bool Landscape { get; init; } = true;
    /// <summary>True when some figure of the preset is an estimate rather than a published value.</summary>
    public bool Estimated { get; init; }

    /// <summary>Same camera with the zoom set to <paramref name="focalLengthMm"/> (must lie within its optical range).</summary>
    public CameraModel WithFocalLength(double focalLengthMm)
    {
        var max = FocalLengthMaxMm ?? FocalLengthMm;
        if (focalLengthMm < FocalLengthMm - 1e-9 || focalLengthMm > max + 1e-9)
            throw new DxGeoException($"camera '{Id}': focal length {focalLengthMm:0.##} mm is outside its range {FocalLengthMm:0.##}–{max:0.##} mm");
        return this with { FocalLengthMm = focalLengthMm };
    }

    /// <summary>Throws an <see cref="InputDataException"/> naming the field when a figure is missing or unusable.</summary>
    public void Validate(string? file = null)
    {
        void Positive(double v, string field)
        {
            if (!double.IsFinite(v) || v <= 0)
                throw new InputDataException($"camera '{Id}' needs a positive {field} (got {v})", file: file, featureId: Id, field: field);
        }
        Positive(SensorWidthMm, "sensorWidthMm");
        Positive(SensorHeightMm, "sensorHeightMm");
        Positive(FocalLengthMm, "focalLengthMm");
        Positive(ImageWidthPx, "imageWidthPx");
        Positive(ImageHeightPx, "imageHeightPx");
        if (FocalLengthMaxMm is { } fmax && (!double.IsFinite(fmax) || fmax < FocalLengthMm))
            throw new InputDataException($"camera '{Id}': focalLengthMaxMm {fmax} is below focalLengthMm {FocalLengthMm}", file: file, featureId: Id, field: "focalLengthMaxMm");
        if (MinTriggerIntervalS is { } mi && (!double.IsFinite(mi) || mi < 0))
            throw new InputDataException($"camera '{Id}': minTriggerIntervalS must be ≥ 0", file: file, featureId: Id, field: "minTriggerIntervalS");
    }
}
