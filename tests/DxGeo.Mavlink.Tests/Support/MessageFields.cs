using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Tests.Support;

/// <summary>
/// Maps a message record's properties to common.xml field names (snake_case without unit suffix, or [MavField]),
/// so values can be compared with node-mavlink's output by field name.
/// </summary>
public static class MessageFields
{
    private static readonly string[] UnitSuffixes = ["_rad_per_s", "_mah", "_hj", "_mm", "_mv", "_ca", "_pct", "_mps", "_rad", "_deg", "_hz", "_us", "_m", "_s"];

    public static Type TypeOf(MessageSpec spec) =>
        typeof(IMavlinkMessage).Assembly.GetTypes().Single(t => !t.IsAbstract && typeof(IMavlinkMessage).IsAssignableFrom(t) &&
            ReferenceEquals(t.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)!.GetValue(null), spec));

    /// <summary>Field name → settable property, checked to cover every field of the spec exactly once.</summary>
    public static Dictionary<string, PropertyInfo> Map(MessageSpec spec)
    {
        var props = TypeOf(spec).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var map = new Dictionary<string, PropertyInfo>();
        foreach (var p in props)
        {
            var name = p.GetCustomAttribute<MavFieldAttribute>()?.Name ?? FieldName(p.Name);
            if (!map.TryAdd(name, p)) throw new InvalidOperationException($"{spec.Name}: two properties map to '{name}'");
        }
        var declared = spec.Declared.Select(f => f.Name).ToHashSet();
        if (!declared.SetEquals(map.Keys))
            throw new InvalidOperationException($"{spec.Name}: properties [{string.Join(",", map.Keys)}] do not match fields [{string.Join(",", declared)}]");
        return map;
    }

    public static string FieldName(string property)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < property.Length; i++)
        {
            var c = property[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        var s = sb.ToString();
        foreach (var suffix in UnitSuffixes)
            if (s.EndsWith(suffix, StringComparison.Ordinal)) return s[..^suffix.Length];
        return s;
    }

    /// <summary>A message with every field set to a random value of its type (ASCII text, finite floats).</summary>
    public static IMavlinkMessage Random(MessageSpec spec, Random rng, bool zeroExtensions = false)
    {
        var msg = (IMavlinkMessage)Activator.CreateInstance(TypeOf(spec))!;
        var map = Map(spec);
        foreach (var f in spec.Declared)
        {
            var p = map[f.Name];
            var zero = zeroExtensions && f.IsExtension;
            p.SetValue(msg, RandomValue(f, p.PropertyType, rng, zero));
        }
        return msg;
    }

    private static object RandomValue(FieldSpec f, Type t, Random rng, bool zero)
    {
        if (f.Type == WireType.Char)
        {
            if (zero) return "";
            var n = rng.Next(0, f.ArrayLength + 1);
            return new string(Enumerable.Range(0, n).Select(_ => (char)rng.Next(32, 127)).ToArray());
        }
        if (f.ArrayLength > 0)
        {
            var et = t.GetElementType()!;
            var a = Array.CreateInstance(et, f.ArrayLength);
            for (var i = 0; i < f.ArrayLength; i++) a.SetValue(zero ? Convert.ChangeType(0, et) : Scalar(f.Type, et, rng), i);
            return a;
        }
        if (zero) return t.IsEnum ? Enum.ToObject(t, 0) : Convert.ChangeType(0, t);
        return Scalar(f.Type, t, rng);
    }

    private static object Scalar(WireType type, Type t, Random rng)
    {
        object raw = type switch
        {
            WireType.UInt8 => (object)(byte)rng.Next(256),
            WireType.Int8 => (object)(sbyte)rng.Next(-128, 128),
            WireType.UInt16 => (object)(ushort)rng.Next(65536),
            WireType.Int16 => (object)(short)rng.Next(-32768, 32768),
            WireType.UInt32 => (object)(uint)rng.NextInt64(0, 1L << 32),
            WireType.Int32 => (object)rng.Next(int.MinValue, int.MaxValue),
            WireType.UInt64 => (object)((ulong)rng.NextInt64() * 2 + (ulong)rng.Next(2)),
            WireType.Int64 => (object)rng.NextInt64(long.MinValue, long.MaxValue),
            WireType.Float => (object)(float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 9))),
            _ => (object)((rng.NextDouble() - 0.5) * 1e6),
        };
        if (t.IsEnum) return Enum.ToObject(t, raw);
        return Convert.ChangeType(raw, t, CultureInfo.InvariantCulture);
    }

    /// <summary>The message as node-mavlink's field JSON (snake_case names, 64-bit as strings, enums as numbers).</summary>
    public static JsonObject ToJson(IMavlinkMessage msg)
    {
        var o = new JsonObject();
        foreach (var (name, p) in Map(msg.Spec)) o[name] = ToNode(p.GetValue(msg)!);
        return o;
    }

    private static JsonNode ToNode(object v) => v switch
    {
        string s => JsonValue.Create(s),
        Array a => new JsonArray([.. a.Cast<object>().Select(ToNode)]),
        Enum e => JsonValue.Create(Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        ulong u => JsonValue.Create(u.ToString(CultureInfo.InvariantCulture)),
        long l => JsonValue.Create(l.ToString(CultureInfo.InvariantCulture)),
        float f => JsonValue.Create((double)f),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
    };

    /// <summary>Field-by-field difference between our message and node's decoded fields; empty when equal.</summary>
    public static List<string> Differences(IMavlinkMessage ours, JsonObject theirs)
    {
        var diffs = new List<string>();
        foreach (var (name, p) in Map(ours.Spec))
        {
            var mine = ToNode(p.GetValue(ours)!);
            var other = theirs[name];
            var isFloat = ours.Spec.Declared.First(f => f.Name == name).Type == WireType.Float;
            if (!SameValue(mine, other, isFloat)) diffs.Add($"{ours.Spec.Name}.{name}: ours {mine.ToJsonString()} vs node {other?.ToJsonString() ?? "missing"}");
        }
        return diffs;
    }

    private static bool SameValue(JsonNode a, JsonNode? b, bool isFloat)
    {
        if (b is null) return false;
        if (a is JsonArray aa && b is JsonArray ba) return aa.Count == ba.Count && aa.Zip(ba).All(x => SameValue(x.First!, x.Second, isFloat));
        if (a is JsonArray || b is JsonArray) return false;
        var av = a.AsValue();
        var bv = b.AsValue();
        if (av.GetValueKind() == System.Text.Json.JsonValueKind.String || bv.GetValueKind() == System.Text.Json.JsonValueKind.String)
            return string.Equals(a.ToString(), b.ToString(), StringComparison.Ordinal);
        // float32 fields: node prints the float widened to double; integers must match exactly.
        var d1 = double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture);
        var d2 = double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture);
        return isFloat ? (float)d1 == (float)d2 : d1 == d2;
    }
}
