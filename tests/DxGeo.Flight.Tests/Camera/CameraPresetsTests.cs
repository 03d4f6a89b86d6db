using DxGeo.Core.Errors;
using DxGeo.Flight.Camera;

namespace DxGeo.Flight.Tests.Camera;

public class CameraPresetsTests
{
    private static readonly string[] Figures = ["sensorWidthMm", "sensorHeightMm", "imageWidthPx", "imageHeightPx", "focalLengthMm"];

    [Fact]
    public void Every_shipped_preset_is_usable_and_states_the_origin_of_each_figure()
    {
        Assert.NotEmpty(CameraPresets.All);
        foreach (var p in CameraPresets.All)
        {
            p.Camera.Validate();
            foreach (var f in Figures)
                Assert.True(p.Sources.TryGetValue(f, out var src) && src.Length > 10, $"{p.Camera.Id}: no source for {f}");
        }
    }

    [Fact]
    public void The_inspection_drones_the_issue_names_are_shipped()
    {
        var ids = CameraPresets.All.Select(p => p.Camera.Id).ToList();
        foreach (var id in new[] { "dji-m3e-wide", "dji-p4rtk", "dji-m30-wide", "dji-m30-zoom", "dji-m350-p1-35", "dji-m350-h20-zoom", "skydio-2" })
            Assert.Contains(id, ids);
    }

    [Fact]
    public void Preset_sensor_size_agrees_with_its_image_aspect_ratio_within_two_percent()
    {
        foreach (var p in CameraPresets.All)
        {
            var c = p.Camera;
            var sensor = c.SensorWidthMm / c.SensorHeightMm;
            var image = (double)c.ImageWidthPx / c.ImageHeightPx;
            Assert.True(Math.Abs(sensor / image - 1) < 0.02, $"{c.Id}: sensor {sensor:0.000} vs image {image:0.000}");
        }
    }

    [Fact]
    public void Camera_file_without_focal_length_gives_an_error_naming_file_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cam-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "id": "x", "name": "x", "sensorWidthMm": 10, "sensorHeightMm": 7, "imageWidthPx": 4000, "imageHeightPx": 3000 }""");
        try
        {
            var e = Assert.Throws<InputDataException>(() => CameraPresets.LoadFile(path));
            Assert.Equal("focalLengthMm", e.Field);
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Unknown_preset_lists_the_known_ones()
    {
        var e = Assert.Throws<DxGeoException>(() => CameraPresets.Get("nope"));
        Assert.Contains("dji-m3e-wide", e.Message);
    }
}
