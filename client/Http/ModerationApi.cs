using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Moderation.Http.Articles;
using Moderation.Http.Health;
using Moderation.Http.Identity;
using Moderation.Http.Polls;

namespace Moderation.Client.Http;

/// <summary>
/// A typed client of the HTTP contract. Cheap to create: many instances with their own bearer tokens
/// (one per virtual reader of a load run) share one <see cref="HttpClient"/>, whose base address is the service's.
/// Every non-success answer becomes a <see cref="ProblemException"/>.
/// </summary>
public sealed partial class ModerationApi(HttpClient http, string? token = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public string? Token => token;

    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The HttpClient has no base address.");

    /// <summary>The same service as another identity.</summary>
    public ModerationApi WithToken(string? other) => new(http, other);

    public Task<HealthResponse> LiveAsync(CancellationToken cancellationToken = default) =>
        SendAsync<HealthResponse>(HttpMethod.Get, "health/live", null, cancellationToken);

    /// <summary><c>/health/ready</c>: its 503 carries the same body as its 200, naming what is not ready, so it is no error here.</summary>
    public async Task<(bool Ready, HealthResponse Report)> ReadyAsync(CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, "health/ready", null);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && IsJson(response) && !IsProblem(response))
        {
            return (false, await ReadAsync<HealthResponse>(response, cancellationToken));
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return (true, await ReadAsync<HealthResponse>(response, cancellationToken));
    }

    /// <summary><c>POST /api/dev/tokens</c>: only a service in Development answers it.</summary>
    public async Task<string> DevTokenAsync(string subject, string? name, IReadOnlyList<string> roles, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await SendAsync<TokenResponse>(HttpMethod.Post, "api/dev/tokens", new DevTokenRequest(subject, name, roles), cancellationToken)).Token;
        }
        catch (ProblemException missing) when (missing.Status == HttpStatusCode.NotFound)
        {
            throw new ProblemException(HttpStatusCode.NotFound, "No development tokens",
                "This service does not hand out development tokens (it is not running in Development): sign tokens with --signing-key and its Auth:SigningKey.");
        }
    }

    public Task<ArticleResponse> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        SendAsync<ArticleResponse>(HttpMethod.Get, $"api/articles/{Escape(articleId)}", null, cancellationToken);

    public Task<PollResponse> CreatePollAsync(string articleId, CreatePollRequest poll, CancellationToken cancellationToken = default) =>
        SendAsync<PollResponse>(HttpMethod.Post, $"api/articles/{Escape(articleId)}/polls", poll, cancellationToken);

    public Task<PollResponse> GetPollAsync(string pollId, CancellationToken cancellationToken = default) =>
        SendAsync<PollResponse>(HttpMethod.Get, $"api/polls/{Escape(pollId)}", null, cancellationToken);

    public Task<PollResponse> ClosePollAsync(string pollId, CancellationToken cancellationToken = default) =>
        SendAsync<PollResponse>(HttpMethod.Post, $"api/polls/{Escape(pollId)}/close", null, cancellationToken);

    /// <summary>Moves a poll's times; only the ones in <paramref name="times"/> ("closesAt", "opensAt"; a null value clears it).</summary>
    public Task<PollResponse> SchedulePollAsync(string pollId, IReadOnlyDictionary<string, DateTimeOffset?> times, CancellationToken cancellationToken = default) =>
        SendAsync<PollResponse>(HttpMethod.Put, $"api/polls/{Escape(pollId)}/schedule", times, cancellationToken);

    public Task<VoteResponse> VoteAsync(string pollId, string optionId, CancellationToken cancellationToken = default) =>
        VoteAsync(pollId, new VoteRequest(optionId), cancellationToken);

    /// <summary>A vote of any kind: optionId, optionIds or value.</summary>
    public Task<VoteResponse> VoteAsync(string pollId, VoteRequest vote, CancellationToken cancellationToken = default) =>
        SendAsync<VoteResponse>(HttpMethod.Post, $"api/polls/{Escape(pollId)}/votes", vote, cancellationToken);

    public Task<PollResultsResponse> GetResultsAsync(string pollId, CancellationToken cancellationToken = default) =>
        SendAsync<PollResultsResponse>(HttpMethod.Get, $"api/polls/{Escape(pollId)}/results", null, cancellationToken);

    /// <summary>The <c>results</c> events of a poll's stream, the current results first, until the stream ends or is cancelled.</summary>
    public async IAsyncEnumerable<PollResultsResponse> WatchResultsAsync(string pollId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"api/polls/{Escape(pollId)}/events", null);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var message in ServerSentEventReader.ReadAsync(stream, cancellationToken))
        {
            if (message.Name == "results" && JsonSerializer.Deserialize<PollResultsResponse>(message.Data, Json) is { } results)
            {
                yield return results;
            }
        }
    }

    /// <summary>A call whose answer has no body the client needs (204, 202).</summary>
    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new ProblemException(response.StatusCode, "Unexpected answer", "The service answered with an empty body.");
        }
        catch (JsonException error)
        {
            throw new ProblemException(response.StatusCode, "Unexpected answer", $"The service's answer is not the expected JSON: {error.Message}");
        }
    }

    /// <summary>Throws a <see cref="ProblemException"/> for a non-success answer, read from its problem details where there are some.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (IsJson(response) && TryReadProblem(body) is { } problem)
        {
            throw new ProblemException(response.StatusCode, problem.Title, problem.Detail, problem.Errors, retryAfter);
        }

        var excerpt = body.Length > 300 ? body[..300] + "..." : body;
        throw new ProblemException(response.StatusCode, response.ReasonPhrase, string.IsNullOrWhiteSpace(excerpt) ? null : excerpt.Trim(), null, retryAfter);
    }

    private static ProblemBody? TryReadProblem(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ProblemBody>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal));

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
}
