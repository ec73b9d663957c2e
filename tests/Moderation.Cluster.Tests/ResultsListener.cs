using System.Text.Json;

namespace Moderation.Cluster.Tests;

/// <summary>One reader's live results widget: an SSE connection to one silo, keeping every results event it gets.</summary>
public sealed class ResultsListener : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ResultsEvent> _events = [];
    private readonly Task _reading;

    private ResultsListener(HttpClient client, Stream stream)
    {
        _client = client;
        _reading = Task.Run(() => ReadAsync(stream));
    }

    public static async Task<ResultsListener> ConnectAsync(Uri silo, string pollId)
    {
        var client = new HttpClient { BaseAddress = silo, Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.GetAsync($"/api/polls/{pollId}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new ResultsListener(client, await response.Content.ReadAsStreamAsync());
    }

    public IReadOnlyList<ResultsEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Why reading stopped, if it did before disposal.</summary>
    public Exception? Failure { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ReadAsync(Stream stream)
    {
        try
        {
            using var reader = new StreamReader(stream);
            string? eventName = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "results")
                {
                    Add(line["data:".Length..].Trim());
                }
                else if (line.Length == 0)
                {
                    eventName = null;
                }
            }
        }
        catch (Exception error) when (!_stop.IsCancellationRequested)
        {
            Failure = error;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Add(string json)
    {
        var results = JsonSerializer.Deserialize<ResultsEvent>(json, JsonSerializerOptions.Web)!;
        lock (_events)
        {
            _events.Add(results);
        }
    }
}

public sealed record ResultsEvent(string PollId, long TotalVotes, IReadOnlyList<OptionCount> Options, long Version)
{
    public static ResultsEvent None { get; } = new("", 0, [], 0);

    public IReadOnlyDictionary<string, long> ByOption => Options.ToDictionary(option => option.Id, option => option.Votes);
}

public sealed record OptionCount(string Id, long Votes);
