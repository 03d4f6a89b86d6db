namespace DxGeo.Ops.Triggers;

/// <summary>
/// Watches a folder a municipal alert receiver writes into (<c>*.xml</c>, <c>*.json</c>, each with its <c>.sig</c>
/// sidecar). A file is taken once its size has been stable for <see cref="SettleTime"/>
/// and its sidecar is there (or <see cref="SidecarGrace"/> passed; receivers write in place); each path is handed over once. Polls as well as listening to change events, since
/// events are lost on network shares.
/// </summary>
public sealed class AlertFolderWatcher : IDisposable
{
    private readonly string _folder;
    private readonly Func<string, byte[], AlertSignature?, Task> _onFile;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Size, DateTime Seen)> _pending = [];
    private readonly FileSystemWatcher _watcher;
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;
    private readonly SemaphoreSlim _wake = new(0);

    public AlertFolderWatcher(string folder, Func<string, byte[], AlertSignature?, Task> onFile, bool includeExisting = false)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
        _onFile = onFile;
        if (!includeExisting) foreach (var f in Candidates()) _taken.Add(f);
        _watcher = new FileSystemWatcher(_folder) { EnableRaisingEvents = true };
        _watcher.Created += (_, _) => _wake.Release();
        _watcher.Changed += (_, _) => _wake.Release();
        _watcher.Renamed += (_, _) => _wake.Release();
        _loop = Task.Run(Loop);
    }

    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(300);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a file may wait for its sidecar; after that it is handed over unsigned (and refused, and logged).</summary>
    public TimeSpan SidecarGrace { get; init; } = TimeSpan.FromSeconds(3);

    private IEnumerable<string> Candidates() =>
        Directory.EnumerateFiles(_folder).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase));

    private async Task Loop()
    {
        while (!_cts.IsCancellationRequested)
        {
            try { await _wake.WaitAsync(PollInterval, _cts.Token); } catch (OperationCanceledException) { return; }
            var now = DateTime.UtcNow;
            foreach (var f in Candidates().Where(f => !_taken.Contains(f)).ToList())
            {
                long size;
                try { size = new FileInfo(f).Length; } catch (IOException) { continue; }
                if (!_pending.TryGetValue(f, out var p) || p.Size != size) { _pending[f] = (size, now); continue; }
                var sig = f + ".sig";
                if (now - p.Seen < SettleTime || (!File.Exists(sig) && now - p.Seen < SidecarGrace)) continue;
                _taken.Add(f);
                _pending.Remove(f);
                byte[] body;
                string? sigText;
                try { body = await File.ReadAllBytesAsync(f); sigText = File.Exists(sig) ? await File.ReadAllTextAsync(sig) : null; }
                catch (IOException) { _taken.Remove(f); continue; }
                await _onFile(f, body, sigText is null ? null : AlertSignature.FromSidecar(sigText));
            }
            if (_pending.Count > 0) _ = Task.Delay(SettleTime).ContinueWith(_ => { try { _wake.Release(); } catch (ObjectDisposedException) { } });
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _watcher.Dispose();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _cts.Dispose();
    }
}
