using Moderation.Client.Http;
using Moderation.Http.Exports;
using Moderation.Http.Imports;

namespace Moderation.Client.Import;

/// <summary>Restores an export's polls, each from its poll line, then its ballots a batch at a time; one batch is held.</summary>
internal static class ExportPolls
{
    /// <summary>What restoring the polls did.</summary>
    public sealed record Summary(long Stored, long Existed, long Counted, long BallotsExisted);

    /// <param name="lines">Poll lines, each followed by its ballot lines, in the file's order.</param>
    public static async Task<Summary> RestoreAsync(ModerationApi api, IEnumerable<object> lines, CancellationToken cancellationToken)
    {
        long stored = 0, existed = 0, counted = 0, ballotsExisted = 0;
        string? pollId = null;
        var batch = new List<ImportBallot>();

        async Task SendAsync()
        {
            if (batch.Count > 0)
            {
                var answer = await api.ImportBallotsAsync(pollId!, new ImportBallotsRequest([.. batch]), cancellationToken);
                counted += answer.Counted;
                ballotsExisted += answer.Existed;
                batch.Clear();
            }
        }

        foreach (var line in lines)
        {
            switch (line)
            {
                case ExportPollLine poll:
                    await SendAsync();
                    var answer = await api.ImportPollAsync(Request(poll), cancellationToken);
                    if (answer.Outcome == "stored")
                    {
                        stored++;
                    }
                    else
                    {
                        existed++;
                    }

                    pollId = poll.Id;
                    break;
                case ExportBallotLine ballot when ballot.PollId == pollId:
                    batch.Add(new ImportBallot(ballot.ReaderId, ballot.Choice, ballot.SignedIn));
                    if (batch.Count >= ModerationApi.MaxBallotsPerImport)
                    {
                        await SendAsync();
                    }

                    break;
                case ExportBallotLine ballot:
                    throw new InvalidDataException($"A ballot of poll {ballot.PollId} does not follow its poll line: the file is not an export as this service writes it.");
            }
        }

        await SendAsync();
        return new Summary(stored, existed, counted, ballotsExisted);
    }

    private static ImportPollRequest Request(ExportPollLine poll) => new(
        poll.Id, poll.ArticleId, poll.Question, [.. poll.Options], poll.ClosesAt, poll.AllowAnonymous, poll.AllowVoteChange, poll.CreatedAt,
        poll.Closed, poll.Kind, poll.MaxChoices, poll.Scale, poll.ResultsVisibility, poll.OpensAt);
}
