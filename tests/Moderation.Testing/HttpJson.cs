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

    /// <summary>Polls /health/ready until it answers 200 (the model loads in the background after start) or the limit passes.</summary>
    public static async Task<HttpResponseMessage> WaitUntilReadyAsync(this HttpClient client, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private sealed record TokenBody(string Token);
}
