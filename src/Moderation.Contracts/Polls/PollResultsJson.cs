using System.Text.Json;

namespace Moderation.Contracts.Polls;

/// <summary>The JSON shape of published results: the one the cache holds and GET results serves.</summary>
public static class PollResultsJson
{
    /// <summary>camelCase web defaults, as the HTTP API writes.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
