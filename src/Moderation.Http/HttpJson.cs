using System.Text.Json;

namespace Moderation.Http;

/// <summary>How the HTTP API writes and reads JSON.</summary>
public static class HttpJson
{
    /// <summary>camelCase web defaults, as the HTTP API writes; the cached first pages use them too.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
