using System.CommandLine;
using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Ingest;
using DxGeo.Imagery.Scoring;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo images ingest|relink|score|list</c>: drone photos into the workspace, placed, linked and scored (docs/imagery.md).</summary>
internal static class ImagesCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Loads the damage model from a folder; tests swap in a deterministic scorer.</summary>
    /// <summary>Loads the model folder with an optional per-photo network budget override (a seam for tests).</summary>
    internal static Func<string, int?, IDamageScorer> ScorerLoader { get; set; } = (dir, budget) => DamageModel.LoadScorer(dir, maxNetworkTilesPerPhoto: budget);

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("images", "Drone photos: ingest (EXIF/XMP, footprint, flight and asset links), relink a moved folder, score for damage, list");
        cmd.Subcommands.Add(Ingest(ctx));
        cmd.Subcommands.Add(Relink(ctx));
        cmd.Subcommands.Add(Score(ctx));
        cmd.Subcommands.Add(List(ctx));
        return cmd;
    }

    /// <summary>Thumbnails live beside the workspace: <c>&lt;workspace&gt;.thumbs/&lt;image_id&gt;.jpg</c>.</summary>
    internal static string ThumbDir(string workspacePath) => Path.GetFullPath(workspacePath) + ".thumbs";

    private static Command Ingest(CliContext ctx)
    {
        var folder = new Argument<string>("folder") { Description = "Folder of JPEG photos (searched recursively)" };
        var flight = new Option<string?>("--flight") { Description = "Link every photo to this flight (flight_tracks.flight_id or planned_flights.plan_id) instead of matching by capture time" };
        var ground = new Option<double?>("--ground-elevation") { Description = "Ground elevation above sea level (m) for photos with only GPS altitude (no relative altitude)" };
        var camera = new Option<string?>("--camera") { Description = "Camera preset to use instead of the EXIF camera (see dxgeo plan cameras)" };
        var noThumbs = new Option<bool>("--no-thumbnails") { Description = "Do not write thumbnails" };
        var cmd = new Command("ingest", "Read photos' EXIF/XMP, compute ground footprints and GSD, link flights and assets, store them (idempotent; files stay where they are)")
        {
            folder, flight, ground, camera, noThumbs,
        };
        cmd.SetAction(p =>
        {
            if (p.GetValue(ground) is { } g && (!double.IsFinite(g) || g < -500 || g > 9000))
                throw new DxGeoException($"--ground-elevation {g} m is not a plausible elevation (−500…9000 m)");
            var wsPath = p.GetValue(ctx.Workspace)!;
            using var ws = GeoPackageWorkspace.OpenOrCreate(wsPath);
            var report = ImageIngestOp.Run(ws, p.GetValue(folder)!, new ImageIngestOptions
            {
                FlightId = p.GetValue(flight), GroundElevationM = p.GetValue(ground), CameraPresetId = p.GetValue(camera),
                ThumbnailDir = p.GetValue(noThumbs) ? null : ThumbDir(wsPath),
            }, ctx.Progress("ingest"));
            ctx.Out.WriteLine($"Images: {report.Added} new, {report.Relinked} relinked (moved), {report.Unchanged} already ingested, {report.Rejected.Count} refused");
            foreach (var r in report.Rejected) ctx.Out.WriteLine($"  refused {r.Path}: {r.Reason}");
            return 0;
        });
        return cmd;
    }

    private static Command Relink(CliContext ctx)
    {
        var oldRoot = new Argument<string>("old-root") { Description = "Folder the photos were ingested from" };
        var newRoot = new Argument<string>("new-root") { Description = "Folder they are in now (same layout below it)" };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not check each file's SHA-256 against its image id" };
        var cmd = new Command("relink", "Point ingested photos at the folder they moved to") { oldRoot, newRoot, noVerify };
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var r = ImageRelinkOp.Run(ws, p.GetValue(oldRoot)!, p.GetValue(newRoot)!, !p.GetValue(noVerify));
            ctx.Out.WriteLine($"Relinked {r.Relinked} photos; {r.Missing.Count} not found or changed");
            foreach (var m in r.Missing) ctx.Out.WriteLine($"  {m.Path}: {m.Reason}");
            return 0;
        });
        return cmd;
    }

    private static Command Score(CliContext ctx)
    {
        var flight = new Option<string?>("--flight") { Description = "Only the photos of this flight" };
        var model = new Option<string?>("--model") { Description = "Damage model folder (default: models/damage found upwards from the current folder)" };
        var parallel = new Option<int>("--parallel") { Description = "Photos scored at the same time", DefaultValueFactory = _ => 2 };
        var rescore = new Option<bool>("--rescore") { Description = "Also score photos already scored by another model" };
        var budget = new Option<int?>("--network-tiles") { Description = "Most tiles per photo the first pass sends to the network (default: the model's, see its card; 0 = every candidate, slower, for the office run)" };
        var cmd = new Command("score", "Score ingested photos not yet scored for damage; regions above the model's threshold become findings (to_review)")
        {
            flight, model, parallel, rescore, budget,
        };
        cmd.SetAction(p =>
        {
            if (p.GetValue(parallel) < 1) throw new DxGeoException("--parallel must be at least 1");
            var dir = p.GetValue(model) ?? FindModelDir();
            if (!Directory.Exists(dir)) throw new DxGeoException($"damage model folder not found: {dir}");
            if (p.GetValue(budget) is < 0) throw new DxGeoException("--network-tiles must be 0 (every candidate) or more");
            var scorer = ScorerLoader(dir, p.GetValue(budget));
            using var disposeScorer = scorer as IDisposable;
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var r = ImageScoringOp.Run(ws, scorer, new ImageScoringOptions
            {
                FlightId = p.GetValue(flight), Parallelism = p.GetValue(parallel), RescoreOtherModels = p.GetValue(rescore),
            }, ctx.Progress("score"));
            ctx.Out.WriteLine(string.Create(C, $"Scored {r.Scored} photos with {scorer.ModelId} (threshold {scorer.Threshold:0.###}{(scorer is DamageScorer { HasPrefilter: true } d ? d.MaxNetworkTilesPerPhoto == 0 ? ", network on every first-pass candidate" : $", network on at most {d.MaxNetworkTilesPerPhoto} tiles per photo" : "")}): {r.Flagged} flagged, {r.FindingsCreated} new findings; {r.Failed.Count} failed"));
            foreach (var f in r.Failed) ctx.Out.WriteLine($"  failed {f.Path}: {f.Reason}");
            return 0;
        });
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var flight = new Option<string?>("--flight") { Description = "Only the photos of this flight" };
        var cmd = new Command("list", "List ingested photos: capture time, height and its source, GSD, view, linked asset, score") { flight };
        cmd.SetAction(p =>
        {
            using var ws = GeoPackageWorkspace.Open(p.GetValue(ctx.Workspace)!);
            var items = ImagesListOp.List(ws, p.GetValue(flight));
            if (items.Count == 0) { ctx.Out.WriteLine("No images ingested."); return 0; }
            ctx.Out.WriteLine("file\tcaptured_utc\theight_m\theight_source\tgsd_cm_px\tview\tflight\tasset\tscore");
            foreach (var i in items)
                ctx.Out.WriteLine(string.Create(C,
                    $"{i.FileName}\t{i.CapturedUtc?.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\t{i.HeightM:0.0}\t{i.HeightSource}\t{i.GsdCmPerPx:0.000}\t{i.View}\t{i.FlightId ?? "-"}\t{(i.AssetId is { } a ? $"{i.AssetLayer}/{a}" : "-")}\t{(i.Score is { } sc ? sc.ToString("0.000", C) : "-")}"));
            return 0;
        });
        return cmd;
    }

    /// <summary>models/damage in the current folder or the nearest parent that has one (like the repository's shipped model).</summary>
    internal static string FindModelDir()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "models", "damage");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DxGeoException("models/damage not found above the current folder; pass --model DIR");
    }
}
