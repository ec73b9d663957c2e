using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Moderation.Testing;

public static class HttpJson
{
    public static async Task<string> DevTokenAsync(this HttpClient client, string subject, params string[] roles)
    {
        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new { subject, name = subject, roles });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.Token;
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);
}
