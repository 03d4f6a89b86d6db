using System.Diagnostics;
using Npgsql;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// PostGIS as the peer: a throwaway cluster (initdb in a temp folder, loopback port) holding the same pipes, loaded
/// by ogr2ogr from the same GeoPackage, with a pre-projected EPSG:3857 column and a GiST index (the usual setup for
/// serving tiles), answering <c>ST_AsMVT</c>/<c>ST_AsMVTGeom</c> per tile. Installs postgresql-15-postgis-3 with apt
/// when it is missing (benchmark runs only; tests never do this).
/// </summary>
internal sealed class PostgisPeer : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;
    private readonly int _port;
    private NpgsqlConnection? _conn;
    private int _backendPid;

    private PostgisPeer(string dir, int port)
    {
        _dir = dir;
        _port = port;
    }

    public static PostgisPeer Start(string gpkg)
    {
        if (!File.Exists("/usr/share/postgresql/15/extension/postgis.control") || !File.Exists($"{Bin}/initdb"))
        {
            Console.Error.WriteLine("installing postgresql-15-postgis-3 (apt)…");
            Run("apt-get", "update -qq");
            Run("apt-get", "install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3", env: ("DEBIAN_FRONTEND", "noninteractive"));
        }
        var dir = Directory.CreateTempSubdirectory("dxgeo-bench-pg-").FullName;
        Run("chown", $"postgres: {dir}");
        var port = 55000 + Random.Shared.Next(900);
        var peer = new PostgisPeer(dir, port);
        Run("runuser", $"-u postgres -- {Bin}/initdb -D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        Run("runuser", $"-u postgres -- {Bin}/pg_ctl -D {dir}/data -l {dir}/log -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir}\" start");
        try
        {
            peer.Sql("postgres", "CREATE DATABASE gis");
            peer.Sql("gis", "CREATE EXTENSION postgis");
            var sw = Stopwatch.StartNew();
            Run("ogr2ogr", $"-f PostgreSQL \"PG:host=127.0.0.1 port={port} user=postgres dbname=gis\" {gpkg} water_pipes -nln water_pipes -lco FID=fid -lco GEOMETRY_NAME=geom");
            peer.Sql("gis", "ALTER TABLE water_pipes ADD COLUMN g3857 geometry(Geometry, 3857); UPDATE water_pipes SET g3857 = ST_Transform(geom, 3857); " +
                            "CREATE INDEX water_pipes_g3857 ON water_pipes USING gist (g3857);");
            peer.Sql("gis", "VACUUM ANALYZE water_pipes");
            Console.Error.WriteLine($"PostGIS loaded in {sw.Elapsed.TotalSeconds:F1} s ({PostgisVersion(peer)})");
        }
        catch
        {
            peer.Dispose();
            throw;
        }
        return peer;
    }

    public string Version { get; private set; } = "";

    private static string PostgisVersion(PostgisPeer p)
    {
        p.Open();
        using var cmd = new NpgsqlCommand("SELECT postgis_lib_version()", p._conn);
        return p.Version = "PostGIS " + cmd.ExecuteScalar();
    }

    private void Open()
    {
        if (_conn is not null) return;
        _conn = new NpgsqlConnection($"Host=127.0.0.1;Port={_port};Username=postgres;Database=gis;Pooling=false");
        _conn.Open();
        // Parallel workers reload PROJ per query (100+ ms a tile) — the STACK recipe turns them off.
        using (var set = new NpgsqlCommand("SET max_parallel_workers_per_gather = 0", _conn)) set.ExecuteNonQuery();
        using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", _conn);
        _backendPid = (int)pid.ExecuteScalar()!;
    }

    /// <summary>One tile with the same attributes our tiles carry; returns its size in bytes.</summary>
    public int Tile(int z, int x, int y)
    {
        Open();
        const string sql = """
            SELECT ST_AsMVT(q, 'water_pipes', 4096, 'geom', 'fid') FROM (
              SELECT fid, pipe_id, material, diameter_mm, status, risk_break_prob, length_m,
                     ST_AsMVTGeom(g3857, ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
              FROM water_pipes WHERE g3857 && ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096)) q
            """;
        using var cmd = new NpgsqlCommand(sql, _conn);
        cmd.Parameters.AddWithValue(z);
        cmd.Parameters.AddWithValue(x);
        cmd.Parameters.AddWithValue(y);
        return cmd.ExecuteScalar() is byte[] b ? b.Length : 0;
    }

    /// <summary>CPU time of the PostgreSQL backend serving our connection (ms), from /proc.</summary>
    public double BackendCpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_backendPid}/stat");
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(f[11]) + long.Parse(f[12])) * 1000.0 / 100; // utime + stime in USER_HZ (100 on Linux)
    }

    private void Sql(string db, string sql) => Run("psql", $"-q -h 127.0.0.1 -p {_port} -U postgres -d {db} -v ON_ERROR_STOP=1 -c \"{sql}\"");

    private static void Run(string file, string args, (string, string)? env = null)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (env is { } e) psi.Environment[e.Item1] = e.Item2;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: exit {p.ExitCode}: {err.Result}");
    }

    public void Dispose()
    {
        _conn?.Dispose();
        try { Run("runuser", $"-u postgres -- {Bin}/pg_ctl -D {_dir}/data -m fast -w stop"); }
        finally { Directory.Delete(_dir, recursive: true); }
    }
}
