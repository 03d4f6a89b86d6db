using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Storage;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo plan levee|bridge|area|corridor|cameras</c>: survey flight planning, output format from <c>--out</c>.</summary>
internal static class PlanCommands
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("plan", "Plan survey flights (levee corridor, bridge structure passes, area grid, corridor) within altitude, geofence, no-fly, radio and battery limits");
        cmd.Subcommands.Add(Levee(ctx));
        cmd.Subcommands.Add(Bridge(ctx));
        cmd.Subcommands.Add(Area(ctx));
        cmd.Subcommands.Add(Corridor(ctx));
        cmd.Subcommands.Add(Cameras(ctx));
        return cmd;
    }

    /// <summary>The options every plan command takes.</summary>
    private sealed class Common
    {
        public readonly Option<string?> Out = new("--out", "-o") { Description = "Output file; the extension picks the format: .plan (QGroundControl), .waypoints (QGC WPL 110), .geojson, .kml. Several sorties give name-s1.plan, …" };
        public readonly Option<string> Camera = new("--camera") { Description = "Camera preset (see 'dxgeo plan cameras')", DefaultValueFactory = _ => CameraPresets.DefaultId };
        public readonly Option<string?> CameraFile = new("--camera-file") { Description = "JSON file with your own camera (same fields as the presets); --camera picks its id when it holds several" };
        public readonly Option<double?> Gsd = new("--gsd") { Description = "Ground sampling distance in cm/px (default 2 for grids and corridors; 0.2 on bridge faces)" };
        public readonly Option<double?> Altitude = new("--altitude") { Description = "Altitude above ground in m (instead of --gsd)" };
        public readonly Option<double> Front = new("--front-overlap") { Description = "Front overlap %", DefaultValueFactory = _ => 80 };
        public readonly Option<double> Side = new("--side-overlap") { Description = "Side overlap %", DefaultValueFactory = _ => 70 };
        public readonly Option<double?> Speed = new("--speed") { Description = "Speed on photo lines in m/s (default 8; 2 on bridges; lowered when the camera cannot keep up)" };
        public readonly Option<double> Cruise = new("--cruise-speed") { Description = "Transit speed m/s", DefaultValueFactory = _ => 10 };
        public readonly Option<double> Climb = new("--climb-speed") { Description = "Climb and descent speed m/s", DefaultValueFactory = _ => 3 };
        public readonly Option<double?> Endurance = new("--endurance") { Description = "Battery flight time in minutes (default: the camera preset's drone, else 25)" };
        public readonly Option<double> Reserve = new("--reserve") { Description = "Battery reserve %", DefaultValueFactory = _ => 25 };
        public readonly Option<double> MaxAlt = new("--max-altitude") { Description = "Altitude limit above ground in m (150 m at most without a permission)", DefaultValueFactory = _ => 150 };
        public readonly Option<double> Radio = new("--radio-range") { Description = "Radio range: every waypoint of a sortie within this many metres of its launch point", DefaultValueFactory = _ => 500 };
        public readonly Option<string?> Launch = new("--launch") { Description = "Candidate launch points: 'lon,lat;lon,lat' or a point file (.geojson, .shp, .kml); default: generated" };
        public readonly Option<string?> NoFly = new("--no-fly") { Description = "No-fly zones file (.geojson, .shp, .kml); default: the workspace's no_fly_zones layer if present" };
        public readonly Option<double> Margin = new("--no-fly-margin") { Description = "Distance every leg keeps from no-fly zones (m)", DefaultValueFactory = _ => 20 };
        public readonly Option<string?> Fence = new("--geofence") { Description = "Geofence polygon file; default: one is generated around the flights" };
        public readonly Option<double> Turnaround = new("--turnaround") { Description = "Turnaround distance at line ends (m)", DefaultValueFactory = _ => 10 };
        public readonly Option<bool> Hover = new("--hover-capture") { Description = "Stop and capture at each photo position instead of triggering by distance" };
        public readonly Option<bool> Full = new("--full-coverage") { Description = "Refuse the plan when any part of the target cannot be covered (instead of reporting the gaps)" };
        public readonly Option<string> Firmware = new("--firmware") { Description = "ardupilot or px4", DefaultValueFactory = _ => "ardupilot" };
        public readonly Option<string> End = new("--end") { Description = "rtl or land", DefaultValueFactory = _ => "rtl" };
        public readonly Option<string?> Name = new("--name") { Description = "Plan name (default from the asset or file)" };
        public readonly Option<bool> NoStore = new("--no-store") { Description = "Do not store the plan in the workspace's planned_flights layer" };

        public void AddTo(Command c)
        {
            foreach (var o in new Option[] { Out, Camera, CameraFile, Gsd, Altitude, Front, Side, Speed, Cruise, Climb, Endurance, Reserve, MaxAlt, Radio,
                         Launch, NoFly, Margin, Fence, Turnaround, Hover, Full, Firmware, End, Name, NoStore })
                c.Options.Add(o);
        }

        public PlanRequest Request(ParseResult p, IWorkspace? ws, bool bridge = false)
        {
            var camera = p.GetValue(CameraFile) is { } cf
                ? (CameraPresets.LoadFile(cf) is var list && list.Count == 1 ? list[0].Camera
                    : list.FirstOrDefault(c => c.Camera.Id == p.GetValue(Camera))?.Camera
                      ?? throw new DxGeoException($"{cf}: holds {list.Count} cameras; pick one with --camera"))
                : CameraPresets.Get(p.GetValue(Camera)!);
            IReadOnlyList<NoFlyZone> zones = p.GetValue(NoFly) is { } nf ? AreaFiles.ReadZones(nf)
                : ws?.FindLayer(AssetLayers.NoFlyZones.Schema.Name) is not null ? ws.ReadAll(AssetLayers.NoFlyZones).ToList() : [];
            return new PlanRequest
            {
                Camera = camera, GsdCmPerPx = bridge ? null : p.GetValue(Gsd), AltitudeM = p.GetValue(Altitude),
                FrontOverlapPct = p.GetValue(Front), SideOverlapPct = p.GetValue(Side), LineSpeedMps = p.GetValue(Speed),
                CruiseSpeedMps = p.GetValue(Cruise), ClimbSpeedMps = p.GetValue(Climb), EnduranceMin = p.GetValue(Endurance),
                ReservePct = p.GetValue(Reserve), MaxAltitudeM = p.GetValue(MaxAlt), RadioRangeM = p.GetValue(Radio),
                LaunchSites = Launches(p.GetValue(Launch)), NoFlyZones = zones, NoFlyMarginM = p.GetValue(Margin),
                Geofence = p.GetValue(Fence) is { } gf ? AreaFiles.ReadPolygon(gf) : null, TurnaroundM = p.GetValue(Turnaround),
                HoverAndCapture = p.GetValue(Hover), RequireFullCoverage = p.GetValue(Full), Name = p.GetValue(Name),
                Firmware = p.GetValue(Firmware)!.ToLowerInvariant() switch
                {
                    "ardupilot" => Autopilot.ArduPilot, "px4" => Autopilot.Px4,
                    var f => throw new DxGeoException($"--firmware '{f}': use ardupilot or px4"),
                },
                End = p.GetValue(End)!.ToLowerInvariant() switch
                {
                    "rtl" => EndAction.ReturnToLaunch, "land" => EndAction.Land,
                    var e => throw new DxGeoException($"--end '{e}': use rtl or land"),
                },
            };
        }

        private static IReadOnlyList<LaunchSite> Launches(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return [];
            if (File.Exists(text)) return AreaFiles.ReadPoints(text).Select(p => new LaunchSite(p.Id, p.LonDeg, p.LatDeg)).ToList();
            return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((t, i) =>
            {
                var parts = t.Split(',');
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, C, out var lon) || !double.TryParse(parts[1], NumberStyles.Float, C, out var lat))
                    throw new DxGeoException($"--launch '{t}' is neither 'lon,lat' nor an existing file");
                return new LaunchSite($"L{i + 1}", lon, lat);
            }).ToList();
        }

        /// <summary>Prints the summary, writes the output files, stores the plan when a workspace is open.</summary>
        public int Finish(CliContext ctx, ParseResult p, FlightPlan plan, IWorkspace? ws)
        {
            ctx.Out.Write(PlanSummary.Format(plan));
            if (p.GetValue(Out) is { } outPath)
                foreach (var f in PlanExport.Write(plan, outPath)) ctx.Out.WriteLine($"written {f}");
            if (ws is not null && !p.GetValue(NoStore))
                ctx.Out.WriteLine($"stored as '{PlannedFlightStore.Save(ws, plan)}' in {ws.Location} ({PlannedFlightsLayer.Name})");
            return 0;
        }
    }

    private static Command Levee(CliContext ctx)
    {
        var id = new Argument<string>("levee-id") { Description = "levee_id of the levee section in the workspace" };
        var width = new Option<double?>("--width") { Description = "Corridor width toe to toe in m (default: base_width_m + 2 × --toe-margin)" };
        var toe = new Option<double>("--toe-margin") { Description = "Extra width beyond each toe (m)", DefaultValueFactory = _ => 5 };
        var c = new Common();
        var cmd = new Command("levee", "Corridor scan along a levee's crest covering crest and both slopes") { id, width, toe };
        c.AddTo(cmd);
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var levee = Find(ws, AssetLayers.Levees, "levee_id", p.GetValue(id)!);
            return c.Finish(ctx, p, FlightPlanner.PlanLevee(levee, c.Request(p, ws), p.GetValue(width), p.GetValue(toe)), ws);
        });
        return cmd;
    }

    private static Command Bridge(CliContext ctx)
    {
        var id = new Argument<string>("bridge-id") { Description = "bridge_id of the bridge in the workspace" };
        var standoff = new Option<double>("--min-standoff") { Description = "Closest distance to the structure (m)", DefaultValueFactory = _ => 5 };
        var girder = new Option<double>("--girder-depth") { Description = "Girder and deck depth above the clearance height (m)", DefaultValueFactory = _ => 2 };
        var low = new Option<double>("--min-height") { Description = "Lowest pass above ground or water (m)", DefaultValueFactory = _ => 3 };
        var clearance = new Option<double>("--clearance") { Description = "Height above the deck top when crossing sides (m)", DefaultValueFactory = _ => 10 };
        var pitch = new Option<double>("--pitch") { Description = "Camera pitch on the passes (°, 0 level, positive up)", DefaultValueFactory = _ => 0 };
        var orbit = new Option<bool>("--orbit") { Description = "Add an overview orbit around the bridge above its deck" };
        var deckWidth = new Option<double?>("--deck-width") { Description = "Deck width (m) when width_m is empty" };
        var deckHeight = new Option<double?>("--deck-height") { Description = "Clearance under the girders (m) when deck_height_m is empty" };
        var c = new Common();
        var cmd = new Command("bridge", "Structure passes along both sides of a bridge deck at the standoff for a millimetre-scale GSD") { id, standoff, girder, low, clearance, pitch, orbit, deckWidth, deckHeight };
        c.AddTo(cmd);
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var bridge = Find(ws, AssetLayers.Bridges, "bridge_id", p.GetValue(id)!);
            var b = new BridgeRequest
            {
                TargetGsdCmPerPx = p.GetValue(c.Gsd) ?? 0.2, MinStandoffM = p.GetValue(standoff), GirderDepthM = p.GetValue(girder),
                MinPassHeightM = p.GetValue(low), CrossingClearanceM = p.GetValue(clearance), GimbalPitchDeg = p.GetValue(pitch),
                Orbit = p.GetValue(orbit), DeckWidthM = p.GetValue(deckWidth), DeckHeightM = p.GetValue(deckHeight),
            };
            return c.Finish(ctx, p, FlightPlanner.PlanBridge(bridge, c.Request(p, ws, bridge: true), b), ws);
        });
        return cmd;
    }

    private static Command Area(CliContext ctx)
    {
        var polygon = new Option<string>("--polygon") { Description = "Area polygon file (.geojson, .shp, .kml)", Required = true };
        var bearing = new Option<double?>("--bearing") { Description = "Compass bearing of the grid lines (default: the fastest)" };
        var c = new Common();
        var cmd = new Command("area", "Lawn-mower grid over a polygon (concave, holes, no-fly zones cut out)") { polygon, bearing };
        c.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var file = p.GetValue(polygon)!;
            using var ws = OpenIfExists(p.GetValue(ctx.Workspace)!);
            var r = c.Request(p, ws) with { LineBearingDeg = p.GetValue(bearing) };
            r = r with { Name = r.Name ?? Path.GetFileNameWithoutExtension(file) };
            return c.Finish(ctx, p, FlightPlanner.PlanArea(AreaFiles.ReadPolygon(file), r), ws);
        });
        return cmd;
    }

    private static Command Corridor(CliContext ctx)
    {
        var line = new Option<string>("--line") { Description = "Corridor centreline file (.geojson, .shp, .kml) with one LineString", Required = true };
        var width = new Option<double>("--width") { Description = "Corridor width in m", Required = true };
        var c = new Common();
        var cmd = new Command("corridor", "Corridor scan along a polyline (a pipe route, a road): parallel passes that follow the bends") { line, width };
        c.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var file = p.GetValue(line)!;
            using var ws = OpenIfExists(p.GetValue(ctx.Workspace)!);
            var r = c.Request(p, ws);
            r = r with { Name = r.Name ?? Path.GetFileNameWithoutExtension(file) };
            return c.Finish(ctx, p, FlightPlanner.PlanCorridor(AreaFiles.ReadLine(file), p.GetValue(width), r), ws);
        });
        return cmd;
    }

    private static Command Cameras(CliContext ctx)
    {
        var cmd = new Command("cameras", "List the camera presets: sensor, image size, focal length, and the GSD at 50 m");
        cmd.SetAction(_ =>
        {
            ctx.Out.WriteLine($"{"id",-20} {"sensor mm",-13} {"image px",-11} {"focal mm",-13} {"cm/px@50m",9}  name");
            foreach (var p in CameraPresets.All)
            {
                var cam = p.Camera;
                var focal = cam.FocalLengthMaxMm is { } fm ? string.Create(C, $"{cam.FocalLengthMm:0.##}–{fm:0.##}") : cam.FocalLengthMm.ToString("0.##", C);
                ctx.Out.WriteLine(string.Create(C, $"{cam.Id,-20} {$"{cam.SensorWidthMm:0.##}x{cam.SensorHeightMm:0.##}",-13} {$"{cam.ImageWidthPx}x{cam.ImageHeightPx}",-11} {focal,-13} {CameraCalc.GsdCmPerPx(cam, 50),9:0.00}  {cam.Name}{(cam.Estimated ? " (some figures estimated)" : "")}"));
            }
            ctx.Out.WriteLine("Sources of every figure: src/DxGeo.Flight/Camera/Data/cameras.json");
            return 0;
        });
        return cmd;
    }

    private static T Find<T>(IWorkspace ws, IAssetLayer<T> layer, string idField, string id)
    {
        var name = layer.Schema.Name;
        if (ws.FindLayer(name) is null) throw new DxGeoException($"{ws.Location}: no '{name}' layer (import it first)");
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id } };
        var found = ws.Read(name, q).Select(layer.FromRecord).FirstOrDefault();
        if (found is not null) return found;
        var known = ws.Read(name, new FeatureQuery { Limit = 8 }).Select(r => r.Values[layer.Schema.IndexOf(idField)]?.ToString()).ToList();
        throw new DxGeoException($"{ws.Location}: no {idField} '{id}' in '{name}' (e.g. {string.Join(", ", known)})");
    }

    private static GeoPackageWorkspace? OpenIfExists(string path) => File.Exists(path) ? GeoPackageWorkspace.Open(path) : null;
}
