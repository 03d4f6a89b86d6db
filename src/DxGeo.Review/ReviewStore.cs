using System.Runtime.CompilerServices;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Review.Internal;
using DxGeo.Review.Reviews;

namespace DxGeo.Review;

/// <summary>
/// The review workflow's access to one workspace: creates its tables on first write and runs every change as one
/// all-or-nothing workspace write. Writes through the same workspace object are queued (the workspace allows one
/// open write at a time); other processes wait on SQLite's lock.
/// </summary>
public sealed class ReviewStore
{
    private static readonly ConditionalWeakTable<IWorkspace, SemaphoreSlim> Gates = new();
    private readonly SemaphoreSlim _gate;

    public ReviewStore(IWorkspace workspace, TimeProvider? clock = null)
    {
        Workspace = workspace;
        Clock = clock ?? TimeProvider.System;
        _gate = Gates.GetValue(workspace, _ => new SemaphoreSlim(1, 1));
    }

    public IWorkspace Workspace { get; }
    public TimeProvider Clock { get; }

    /// <summary>Layers that hold accounts, decisions, settings and the audit trail: never to be served to clients.</summary>
    public static IReadOnlySet<string> PrivateLayers => ReviewTables.Private;

    /// <summary>The review queue's last full read (see <see cref="ReviewQueueOp"/>), valid while the workspace file is unchanged.</summary>
    internal object? QueueCache { get; set; }

    internal DateTimeOffset Now()
    {
        // Millisecond precision: what the workspace stores, so a value read back equals the value written.
        var t = Clock.GetUtcNow();
        return new DateTimeOffset(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    internal bool Has(string layer) => Workspace.FindLayer(layer) is not null;

    /// <summary>Runs <paramref name="body"/> in one write transaction and commits it; anything thrown rolls it all back.</summary>
    internal T Write<T>(Func<IWorkspaceWrite, T> body)
    {
        _gate.Wait();
        try
        {
            using var w = Workspace.BeginWrite();
            EnsureTables(w);
            var result = body(w);
            w.Commit();
            return result;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Creates the review tables (and an empty findings layer) that are missing, so a fresh workspace works.</summary>
    public void EnsureTables() => Write(_ => 0);

    private void EnsureTables(IWorkspaceWrite w)
    {
        foreach (var s in (LayerSchema[])[ReviewTables.UsersSchema, ReviewTables.DecisionsSchema, ReviewTables.AuditSchema,
                     ReviewTables.SettingsSchema, AssetConditionLayer.Schema])
            if (!Has(s.Name)) w.CreateLayer(s);
    }
}
