using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Security.Tests.Faults;

/// <summary>
/// Votes and comments from many readers at once, each reader making one write: even readers vote, odd readers post.
/// Remembers what every request got back, so a test can hold the service to each 2xx after a fault.
/// </summary>
internal sealed class MixedLoad(HttpClient client, string pollId, string articleId, string[] tokens, TimeSpan pause = default)
{
    private int _next = -1;

    public ConcurrentDictionary<int, string> AcknowledgedVotes { get; } = new();

    /// <summary>Reader index to the id the service gave the comment.</summary>
    public ConcurrentDictionary<int, string> AcknowledgedComments { get; } = new();

    /// <summary>Reader index to the status of a refused write.</summary>
    public ConcurrentDictionary<int, int> Refused { get; } = new();

    /// <summary>Readers whose request got no answer at all (the connection broke).</summary>
    public ConcurrentBag<int> Unanswered { get; } = [];

    public int Attempted => Math.Min(Volatile.Read(ref _next) + 1, tokens.Length);

    public static string OptionOf(int reader) => $"o{reader % 4 / 2 + 1}";

    public static string BodyOf(int reader) => $"Reader {reader} thinks this is a fair and careful article.";

    public static bool Votes(int reader) => reader % 2 == 0;

    public Task RunAsync(int lanes, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(() => LaneAsync(stop))));

    private async Task LaneAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && Interlocked.Increment(ref _next) is var reader && reader < tokens.Length)
        {
            using var request = Votes(reader)
                ? new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(new { optionId = OptionOf(reader) }) }
                : new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/comments") { Content = JsonContent.Create(new { body = BodyOf(reader) }) };
            request.Headers.Authorization = new("Bearer", tokens[reader]);
            try
            {
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    Refused[reader] = (int)response.StatusCode;
                }
                else if (Votes(reader))
                {
                    AcknowledgedVotes[reader] = OptionOf(reader);
                }
                else
                {
                    AcknowledgedComments[reader] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                Unanswered.Add(reader);
                if (stop.IsCancellationRequested)
                {
                    return;
                }
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, CancellationToken.None);
            }
        }
    }
}
