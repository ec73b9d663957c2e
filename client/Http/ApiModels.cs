namespace Moderation.Client.Http;

/// <summary>One event of a <c>text/event-stream</c>: its name (<c>message</c> when the server gave none) and its data lines joined.</summary>
public sealed record ServerSentEvent(string Name, string Data, string? Id);

public static class VoteOutcomes
{
    public const string Counted = "counted";
    public const string Unchanged = "unchanged";
    public const string Changed = "changed";
}
