using System.Collections.Immutable;
using Moderation.Contracts.Polls;

namespace Moderation.Grains.Polls;

/// <summary>
/// A poll's results from the shards' tallies. A shard counts readers per stored choice (<see cref="PollChoices"/>),
/// whatever the kind; this turns those counts into votes per option and voters, or a scale's histogram, mean and median.
/// </summary>
public static class PollTotals
{
    public static PollResults Of(PollDefinition poll, IEnumerable<IReadOnlyDictionary<string, long>> shards, string status, DateTimeOffset asOf)
    {
        var choices = new Dictionary<string, long>();
        foreach (var (choice, count) in shards.SelectMany(tally => tally))
        {
            choices[choice] = choices.GetValueOrDefault(choice) + count;
        }

        var voters = choices.Values.Sum();
        if (poll.Kind == PollKind.Scale && poll.Scale is { } scale)
        {
            var histogram = Enumerable.Range(scale.Min, scale.Max - scale.Min + 1)
                .Select(value => new ScaleVotes(value, choices.GetValueOrDefault(PollChoices.OfValue(value))))
                .ToImmutableArray();
            return new PollResults(poll.Id, voters, [], status, asOf, 0, voters, histogram, Mean(histogram, voters), Median(histogram, voters));
        }

        var perOption = new Dictionary<string, long>();
        foreach (var (choice, count) in choices)
        {
            foreach (var optionId in PollChoices.OptionIds(choice))
            {
                perOption[optionId] = perOption.GetValueOrDefault(optionId) + count;
            }
        }

        var options = poll.Options.Select(option => new OptionVotes(option.Id, perOption.GetValueOrDefault(option.Id))).ToImmutableArray();
        return new PollResults(poll.Id, options.Sum(option => option.Votes), options, status, asOf, 0, voters);
    }

    private static double? Mean(ImmutableArray<ScaleVotes> histogram, long voters) =>
        voters == 0 ? null : Math.Round(histogram.Sum(value => (double)value.Value * value.Votes) / voters, 2);

    private static double? Median(ImmutableArray<ScaleVotes> histogram, long voters) =>
        voters == 0 ? null : (ValueAt(histogram, (voters - 1) / 2) + ValueAt(histogram, voters / 2)) / 2.0;

    /// <summary>The value of the vote at <paramref name="index"/> (from 0) when all votes are sorted.</summary>
    private static int ValueAt(ImmutableArray<ScaleVotes> histogram, long index)
    {
        foreach (var value in histogram)
        {
            if (index < value.Votes)
            {
                return value.Value;
            }

            index -= value.Votes;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
