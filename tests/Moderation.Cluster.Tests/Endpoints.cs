using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Moderation.Cluster.Tests;

/// <summary>
/// The HTTP endpoints of the silos, as a load balancer would see them: a request goes to the one asked for, and
/// a request that may be retried moves on to the next one when it gets no answer or a 5xx.
/// </summary>
public sealed class Endpoints(IReadOnlyList<Uri> silos) : IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient[] _clients = [.. silos.Select(silo => new HttpClient { BaseAddress = silo, Timeout = TimeSpan.FromSeconds(45) })];

    public int Count => _clients.Length;

    /// <summary>One attempt on one silo: the response, or null when none came (connection refused or reset, timeout).</summary>
    public async Task<HttpResponseMessage?> TryPostAsync(int silo, string path, object body, string token, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        try
        {
            return await _clients[silo % _clients.Length].SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// A write that is safe to repeat, sent until some silo acknowledges it with a 2xx. A 4xx is returned at once:
    /// the request itself is wrong and another try would not change that.
    /// </summary>
    public async Task<(HttpResponseMessage Response, int Attempts)> PostUntilAnsweredAsync(
        int firstSilo, string path, object body, string token, TimeSpan limit, string? idempotencyKey = null)
    {
        var deadline = DateTime.UtcNow + limit;
        for (var attempt = 0; ; attempt++)
        {
            var response = await TryPostAsync(firstSilo + attempt, path, body, token, idempotencyKey);
            if (response is not null && (int)response.StatusCode < 500)
            {
                return (response, attempt + 1);
            }

            var status = response?.StatusCode;
            response?.Dispose();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"POST {path} got no 2xx or 4xx within {limit}; last answer {status?.ToString() ?? "none"}.");
            }

            await Task.Delay(RetryPause);
        }
    }

    public async Task<T> GetAsync<T>(int silo, string path)
    {
        var value = await _clients[silo % _clients.Length].GetFromJsonAsync<T>(path);
        return value ?? throw new InvalidOperationException($"GET {path} returned null.");
    }

    public async Task<HttpStatusCode> PutAsync(int silo, string path, object body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _clients[silo % _clients.Length].SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
