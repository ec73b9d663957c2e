using System.Globalization;

namespace Moderation.Contracts.Polls;

/// <summary>
/// The one place that writes and reads a reader's stored choice, the value of their field in a shard's votes hash:
/// a single-choice vote stores its option id (as it always has), a multiple-choice vote its option ids in the poll's
/// order joined by commas ("o1,o3"), a scale vote its value ("4"). Every stored choice has exactly one spelling, so
/// the same vote again meets an equal value and is unchanged.
/// </summary>
public static class PollChoices
{
    private const char Separator = ',';

    /// <summary>The stored choice for several options, in the poll's option order; null when any is unknown or repeated.</summary>
    public static string? OfOptions(PollDefinition poll, IReadOnlyCollection<string> optionIds)
    {
        var chosen = poll.Options.Where(option => optionIds.Contains(option.Id)).Select(option => option.Id).ToArray();
        return chosen.Length == optionIds.Count && optionIds.Distinct().Count() == optionIds.Count
            ? string.Join(Separator, chosen)
            : null;
    }

    /// <summary>The stored choice for a value on a scale.</summary>
    public static string OfValue(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="choice"/> is a well-formed stored choice of the poll's kind: known options, within limits.</summary>
    public static bool IsValid(PollDefinition poll, string choice) => poll.Kind switch
    {
        PollKind.Single => poll.HasOption(choice),
        PollKind.Multiple => OptionIds(choice) is { Length: > 0 } ids && ids.Length <= poll.MaxChoices && OfOptions(poll, ids) == choice,
        PollKind.Scale => ValueOf(choice) is { } value && poll.Scale is { } scale && value >= scale.Min && value <= scale.Max
            && OfValue(value) == choice,
        _ => false,
    };

    /// <summary>The option ids a stored choice names (one for a single-choice vote).</summary>
    public static string[] OptionIds(string choice) => choice.Split(Separator);

    /// <summary>The value of a stored scale choice, or null when it is not a whole number.</summary>
    public static int? ValueOf(string choice) =>
        int.TryParse(choice, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
