using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;

namespace DxGeo.Benchmarks;

/// <summary>
/// MAVLink: encode/decode throughput against node-mavlink on the same machine, parser fuzz throughput, and the
/// time to upload 700 mission items to the simulator over UDP loopback against the protocol floor (items × RTT).
/// Usage: mavlink [frames=1000000] [fuzzMB=64]
/// </summary>
public sealed class MavlinkSuite : ISuite
{
    public string Name => "mavlink";
    public string Description => "MAVLink encode/decode frames/s vs node-mavlink; 700-item upload over UDP vs items × RTT";

    private static readonly IMavlinkMessage[] Sample =
    [
        new GlobalPositionInt { TimeBootMs = 123456, Lat = 356812362, Lon = 1397671248, AltMm = 40000, RelativeAltMm = 30000, Vx = 120, Vy = -40, Vz = 3, Hdg = 9000 },
        new MissionItemInt { Param2 = 2, Param4 = float.NaN, X = 356812362, Y = 1397671248, Z = 45.5f, Seq = 17, Command = MavCmd.NavWaypoint,
            TargetSystem = 1, TargetComponent = 1, Frame = MavFrame.GlobalRelativeAltInt, Autocontinue = 1 },
    ];

    public int Run(string[] args)
    {
        var frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var fuzzMb = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var inv = CultureInfo.InvariantCulture;

        var enc = Encode(frames);
        var dec = Decode(frames);
        var nodeEnc = Node("bench-encode", frames);
        var nodeDec = Node("bench-decode", frames);
        var fuzz = Fuzz(fuzzMb);
        var (uploadS, rttMs) = Upload(700).GetAwaiter().GetResult();

        Console.WriteLine($"# MAVLink ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine("| operation | DxGeo.Mavlink | node-mavlink 2.3.0 | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| encode MAVLink 2 frames ({frames:N0}, GLOBAL_POSITION_INT + MISSION_ITEM_INT) | {frames / enc:N0} frames/s | {frames / nodeEnc:N0} frames/s | {nodeEnc / enc:F1}× |"));
        Console.WriteLine(string.Create(inv, $"| split + CRC-check + decode fields ({frames:N0} frames) | {frames / dec:N0} frames/s | {frames / nodeDec:N0} frames/s | {nodeDec / dec:F1}× |"));
        Console.WriteLine(string.Create(inv, $"| fuzz: random bytes (with start bytes) through the parser | {fuzzMb / fuzz:F0} MB/s ({fuzzMb} MB, no exception) | – | – |"));
        Console.WriteLine();
        Console.WriteLine("| mission upload over UDP loopback (simulator, ArduPilot style) | measured | floor: items × RTT | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| 700 items (+ home item 0), without the read-back | {uploadS:F2} s | {701 * rttMs / 1000:F2} s (RTT {rttMs:F3} ms) | {uploadS / (701 * rttMs / 1000):F1}× |"));
        return 0;
    }

    private static double Encode(int n)
    {
        var w = new FrameWriter(255, 190);
        var buf = new byte[FrameWriter.MaxFrameLength];
        long bytes = 0;
        for (var i = 0; i < 10_000; i++) w.Write(Sample[i & 1], buf);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) bytes += w.Write(Sample[i & 1], buf);
        GC.KeepAlive(bytes);
        return sw.Elapsed.TotalSeconds;
    }

    private static double Decode(int n)
    {
        var w = new FrameWriter(1, 1);
        var chunk = Enumerable.Range(0, 1000).SelectMany(i => w.Encode(Sample[i & 1])).ToArray();
        var parser = new FrameParser();
        var list = new List<MavlinkFrame>(1100);
        var sw = Stopwatch.StartNew();
        var decoded = 0;
        for (var done = 0; done < n; done += 1000)
        {
            list.Clear();
            parser.Push(chunk, list);
            foreach (var f in list) if (MessageRegistry.TryDecode(f) is not null) decoded++;
        }
        if (decoded < n) throw new InvalidOperationException($"decoded {decoded} of {n}");
        return sw.Elapsed.TotalSeconds;
    }

    private static double Fuzz(int mb)
    {
        var rng = new Random(1);
        var buf = new byte[1 << 20];
        var parser = new FrameParser();
        var sink = new List<MavlinkFrame>();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < mb; i++)
        {
            rng.NextBytes(buf);
            for (var k = 0; k < 4096; k++) buf[rng.Next(buf.Length)] = (byte)(k % 2 == 0 ? 0xFD : 0xFE);
            parser.Push(buf, sink);
            sink.Clear();
        }
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task<(double UploadS, double RttMs)> Upload(int count)
    {
        var vehicleLink = UdpLink.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        await using var sim = new SimVehicle(vehicleLink, new SimVehicleOptions { TickInterval = TimeSpan.FromMilliseconds(5) });
        await using var gcs = new MavlinkConnection(UdpLink.Connect(vehicleLink.LocalEndPoint));
        var target = new VehicleTarget(1, 1);
        // RTT: MISSION_REQUEST_LIST → MISSION_COUNT, the same request/answer shape as each item of an upload.
        var rtts = new List<double>();
        using (var sub = gcs.Subscribe(m => m.Message is MissionCount))
            for (var i = 0; i < 200; i++)
            {
                var sw = Stopwatch.StartNew();
                await gcs.SendAsync(new MissionRequestList { TargetSystem = 1, TargetComponent = 1 });
                if (await sub.NextAsync(TimeSpan.FromSeconds(1)) is not null && i >= 20) rtts.Add(sw.Elapsed.TotalMilliseconds);
                await gcs.SendAsync(new MissionAck { TargetSystem = 1, TargetComponent = 1 });
            }
        rtts.Sort();
        var items = Enumerable.Range(0, count).Select(i => new MissionItem
        {
            Seq = i, Command = MavCmd.NavWaypoint, Z = 30, LatitudeDeg = 35.68 + i * 1e-4, LongitudeDeg = 139.76 + (i % 20) * 1e-4,
        }).ToList();
        var client = new MissionClient(gcs, target, AutopilotFlavor.ArduPilot, new MissionProtocolOptions { VerifyAfterUpload = false });
        var t = Stopwatch.StartNew();
        await client.UploadAsync(items);
        var upload = t.Elapsed.TotalSeconds;
        return (upload, rtts[rtts.Count / 2]);
    }

    private static double Node(string mode, int n)
    {
        var dir = FindInterop();
        var psi = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true };
        psi.ArgumentList.Add("peer.js");
        psi.ArgumentList.Add(mode);
        psi.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
        using var p = Process.Start(psi)!;
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"node peer.js {mode} failed (run npm ci in {dir})");
        return JsonDocument.Parse(json).RootElement.GetProperty("seconds").GetDouble();
    }

    private static string FindInterop()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "tests", "interop", "mavlink");
            if (File.Exists(Path.Combine(p, "peer.js"))) return p;
        }
        throw new InvalidOperationException("tests/interop/mavlink/peer.js not found above the current folder");
    }
}
