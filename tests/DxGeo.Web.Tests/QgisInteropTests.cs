using System.Diagnostics;
using System.Text.Json;

namespace DxGeo.Web.Tests;

/// <summary>
/// QGIS as the client: its OAPIF provider (PyQGIS, headless) adds every collection of the live loopback server as a
/// layer, and must find it valid, read every feature (following next links: the fixture's page limit is 25) and see
/// the layer's fields. Expected counts and fields come from the workspace the test town wrote, not from the server.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class QgisInteropTests(ServerFixture f)
{
    private const string Python = "/usr/bin/python3"; // Debian's, where python3-qgis installs PyQGIS

    [Fact]
    public async Task Qgis_OAPIF_reads_every_layer_with_its_features_and_fields()
    {
        var layers = f.Town.Workspace.ListLayers();
        var result = await ReadWithQgis(layers.Select(l => l.Name).ToArray());
        var read = result.GetProperty("layers");
        foreach (var l in layers)
        {
            var q = read.GetProperty(l.Name);
            Assert.True(q.GetProperty("valid").GetBoolean(), $"QGIS found {l.Name} invalid: {q}");
            Assert.Equal(l.FeatureCount, q.GetProperty("read").GetInt64());
            Assert.Equal(l.FeatureCount, q.GetProperty("distinctIds").GetInt64());
            Assert.Equal(l.FeatureCount, q.GetProperty("featureCount").GetInt64());
            var fields = q.GetProperty("fields").EnumerateArray().Select(x => x.GetString()).ToHashSet();
            var missing = l.Schema.Fields.Select(x => x.Name).Where(n => !fields.Contains(n)).ToList();
            Assert.True(missing.Count == 0, $"{l.Name}: QGIS lacks fields {string.Join(", ", missing)} (has {string.Join(", ", fields)})");
        }
        // Values, not only names: every pipe id, and a Japanese text attribute intact.
        var pipes = read.GetProperty("water_pipes").GetProperty("values");
        Assert.Equal(f.Town.Pipes.Select(p => p.Id).Order(), pipes.GetProperty("pipe_id").EnumerateArray().Select(x => x.GetString()!).Order());
        Assert.All(pipes.GetProperty("district").EnumerateArray(), d => Assert.Equal("湊町", d.GetString()));
        var bridgeNames = read.GetProperty("bridges").GetProperty("values").GetProperty("name").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains("川口橋", bridgeNames);
    }

    private async Task<JsonElement> ReadWithQgis(string[] collections)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "qgis_read_oapif.py");
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(f.LiveUrl + "/");
        foreach (var c in collections) psi.ArgumentList.Add(c);
        psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
        psi.Environment["XDG_RUNTIME_DIR"] = Directory.CreateTempSubdirectory("dxgeo-qgis-").FullName;
        psi.Environment["HOME"] = psi.Environment["XDG_RUNTIME_DIR"]; // QGIS writes its profile under HOME
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{Python} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(cts.Token);
        var err = await stderr;
        if (err.Contains("No module named 'qgis'", StringComparison.Ordinal))
            throw new InvalidOperationException("PyQGIS is missing: apt-get install -y --no-install-recommends python3-qgis (scripts/test.sh does)");
        Assert.True(p.ExitCode == 0, $"PyQGIS exited {p.ExitCode}: {err}");
        var json = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
