using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Client.Operators;

namespace Moderation.Client.Load;

/// <summary>How a load run is shaped: who, against what, for how long.</summary>
/// <param name="Urls">Base URLs; virtual reader i talks to <c>Urls[i % Urls.Count]</c>.</param>
/// <param name="Readers">Concurrent virtual readers, each a loop of one request at a time.</param>
/// <param name="Duration">After this no reader starts another request; requests in flight finish.</param>
/// <param name="MaxRequests">Optional cap on requests started, over all readers.</param>
/// <param name="SigningKey">Base64 key to mint reader tokens locally; without it they come from /api/dev/tokens.</param>
/// <param name="RequestTimeout">Per-request timeout; a request that takes longer counts as a <c>timeout</c> error.</param>
public sealed record LoadSettings(
    IReadOnlyList<Uri> Urls,
    int Readers,
    TimeSpan Duration,
    long? MaxRequests,
    string? SigningKey,
    string? Token,
    TimeSpan RequestTimeout,
    bool Json);

/// <summary>The options every <c>load</c> command takes.</summary>
internal sealed class LoadOptions
{
    public Option<int> Readers { get; } = new("--readers", "-n")
    {
        Description = "Concurrent virtual readers",
        DefaultValueFactory = _ => 16,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) { r.AddError("--readers must be 1 to 10000."); } } },
    };

    public Option<TimeSpan> Duration { get; } = new("--duration", "-d")
    {
        Description = "How long to run: 500ms, 10s, 2m (the run always stops by itself)",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
        CustomParser = DurationParser.Parse,
    };

    public Option<long?> Requests { get; } = new("--requests")
    {
        Description = "Stop after this many requests in all (optional)",
        Validators = { r => { if (r.GetValueOrDefault<long?>() is < 1) { r.AddError("--requests must be positive."); } } },
    };

    public Option<string?> SigningKey { get; } = TokenCommand.SigningKeyOption();

    public Option<TimeSpan> Timeout { get; } = new("--timeout")
    {
        Description = "Per-request timeout",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
        CustomParser = DurationParser.Parse,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the final figures as JSON (and no live display)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Readers);
        command.Options.Add(Duration);
        command.Options.Add(Requests);
        command.Options.Add(SigningKey);
        command.Options.Add(Timeout);
        command.Options.Add(Json);
    }

    public LoadSettings Read(ParseResult parse) => new(
        ClientHost.Urls(parse),
        parse.GetValue(Readers),
        parse.GetValue(Duration),
        parse.GetValue(Requests),
        parse.GetValue(SigningKey),
        ClientOptions.TokenFrom(parse),
        parse.GetValue(Timeout),
        parse.GetValue(Json));
}
