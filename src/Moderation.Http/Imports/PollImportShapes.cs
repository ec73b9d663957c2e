using Moderation.Http.Exports;

namespace Moderation.Http.Imports;

/// <summary>A poll from this service's export (its <c>poll</c> line), created as it was: the same id, definition and closed state.</summary>
/// <param name="Id">The poll's id.</param>
/// <param name="ArticleId">The article it belongs to.</param>
/// <param name="Question">The question.</param>
/// <param name="Options">The options with their ids, in display order.</param>
/// <param name="ClosesAt">When voting ends by itself, or null.</param>
/// <param name="AllowAnonymous">Whether anonymous tokens may vote.</param>
/// <param name="AllowVoteChange">Whether a reader may move their vote.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Closed">Whether an editor closed it.</param>
/// <param name="Kind">single, multiple or scale.</param>
/// <param name="MaxChoices">For multiple: the most options one reader may choose.</param>
/// <param name="Scale">For scale: its range and labels.</param>
/// <param name="ResultsVisibility">always, after-vote or after-close.</param>
/// <param name="OpensAt">When voting starts, or null.</param>
public sealed record ImportPollRequest(
    string? Id,
    string? ArticleId,
    string? Question,
    IReadOnlyList<ExportPollOption?>? Options,
    DateTimeOffset? ClosesAt,
    bool AllowAnonymous,
    bool AllowVoteChange,
    DateTimeOffset? CreatedAt,
    bool Closed,
    string? Kind,
    int? MaxChoices,
    ExportPollScale? Scale,
    string? ResultsVisibility,
    DateTimeOffset? OpensAt);

/// <summary>What became of an imported poll.</summary>
/// <param name="Outcome">stored, or exists (a poll with that id was there: nothing changed but its closing, when the import's is closed).</param>
public sealed record ImportPollResponse(string Outcome);

/// <summary>Ballots of one poll from this service's export (its <c>ballot</c> lines).</summary>
/// <param name="Ballots">1 to 1,000 ballots.</param>
public sealed record ImportBallotsRequest(IReadOnlyList<ImportBallot?>? Ballots);

/// <summary>One reader's vote as the export has it.</summary>
/// <param name="ReaderId">The reader.</param>
/// <param name="Choice">The stored choice: an option id, option ids in the poll's order joined by commas, or a scale value.</param>
/// <param name="SignedIn">Whether the reader was signed in.</param>
public sealed record ImportBallot(string? ReaderId, string? Choice, bool SignedIn);

/// <summary>What restoring ballots did.</summary>
/// <param name="Counted">Ballots counted now.</param>
/// <param name="Existed">Ballots of readers who had a vote in the poll already (restored before): nothing changed.</param>
public sealed record ImportBallotsResponse(int Counted, int Existed);
