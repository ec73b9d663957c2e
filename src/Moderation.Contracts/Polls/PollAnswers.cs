using System.Collections.Immutable;
using System.Globalization;

namespace Moderation.Contracts.Polls;

/// <summary>
/// What a poll's results count: its options, or for a scale each of its values (spelled as the stored choice, "4").
/// The timeline, the export, the signals and the recount go by these, so that a scale poll has them as an option poll does.
/// </summary>
public static class PollAnswers
{
    /// <summary>The answers the poll's results count, in display order: its options, or a scale's values with its end labels.</summary>
    public static ImmutableArray<PollOption> Of(PollDefinition poll) =>
        poll.Kind == PollKind.Scale && poll.Scale is { } scale
            ? [.. Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(value => new PollOption(PollChoices.OfValue(value), Text(scale, value)))]
            : poll.Options;

    /// <summary>Votes per answer: per option, or per scale value.</summary>
    public static ImmutableArray<OptionVotes> Counted(PollResults results) =>
        results.Histogram is { } histogram
            ? [.. histogram.Select(value => new OptionVotes(PollChoices.OfValue(value.Value), value.Votes))]
            : results.Options;

    private static string Text(PollScale scale, int value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return value == scale.Min ? $"{text} ({scale.MinLabel})" : value == scale.Max ? $"{text} ({scale.MaxLabel})" : text;
    }
}
