using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Toxicity.Models;

/// <summary>The JSON form of a manifest: camelCase, indented, enums as names.</summary>
internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
