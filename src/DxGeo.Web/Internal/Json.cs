using System.Text.Encodings.Web;
using System.Text.Json;

namespace DxGeo.Web.Internal;

/// <summary>The JSON settings every response uses: camelCase off (OGC member names are given literally), Japanese as UTF-8.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
