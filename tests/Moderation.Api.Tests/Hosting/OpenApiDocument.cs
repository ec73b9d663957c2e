using System.Text.Json;

namespace Moderation.Api.Tests.Hosting;

/// <summary>The service's OpenAPI document, as the tests read it.</summary>
internal static class OpenApiDocument
{
    public static async Task<JsonElement> ReadAsync(SharedSilo silo)
    {
        using var client = silo.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
    }

    public static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>The statuses an operation lists, in order.</summary>
    public static string[] Statuses(JsonElement document, string method, string path) =>
        [.. Operation(document, method, path).GetProperty("responses").EnumerateObject().Select(response => response.Name).Order(StringComparer.Ordinal)];
}
