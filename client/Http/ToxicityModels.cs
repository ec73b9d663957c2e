using Moderation.Http.Moderators;

namespace Moderation.Client.Http;

// The service's other HTTP shapes are shared through Moderation.Http; the toxicity ones are declared by the service's
// toxicity endpoints, so the client keeps its reading of them here.

public sealed record ToxicityCheckRequest(string Body);

public sealed record ToxicityCheckResponse(double Score, bool WouldHold);

public sealed record ModelInfoResponse(
    string Version,
    DateTimeOffset TrainedAt,
    int TrainingRows,
    IReadOnlyDictionary<string, double> Metrics,
    double HoldThreshold,
    IReadOnlyList<DataSourceResponse>? DataSources);

public sealed record DataSourceResponse(string Name, int Rows, string Licence, string Origin);

public sealed record ScoreRequest(string Text);

public sealed record ScoreResponse(double Score, IReadOnlyList<ExplanationTermResponse> Explanation, string? ModelVersion);

/// <summary>The contract's fixed words: comment statuses, queues, sorts and reasons.</summary>
public static class ModerationWords
{
    public const string Published = "published";
    public const string Pending = "pending";

    public static readonly string[] Queues = ["pending", "reported", "rejected", "approved"];
    public static readonly string[] QueueSorts = ["score", "oldest", "newest"];
    public static readonly string[] ThreadSorts = ["newest", "oldest", "top", "featured"];
    public static readonly string[] ReportReasons = ["offensive", "abusive", "spam", "other"];
    public static readonly string[] RejectReasons = ["offensive", "abusive", "spam", "off-topic", "other"];
}
