using System.Diagnostics.CodeAnalysis;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

/// <summary>A vote request turned into the stored choice for the poll's kind, or the contract's 400 errors.</summary>
public static class VoteChoice
{
    /// <summary>The choice, or the errors (none are allocated for a valid vote).</summary>
    public static bool TryFrom(
        PollDefinition poll, VoteRequest request, [NotNullWhen(true)] out string? choice, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        choice = Choice(poll, request, out var problems);
        errors = choice is null ? problems ?? throw new InvalidOperationException("A vote without a choice must have errors.") : null;
        return choice is not null;
    }

    private static string? Choice(PollDefinition poll, VoteRequest request, out Dictionary<string, string[]>? errors)
    {
        errors = null;
        switch (poll.Kind)
        {
            case PollKind.Multiple:
                if (request.OptionIds is not { Count: > 0 } ids || ids.Count > poll.MaxChoices)
                {
                    errors = Error("optionIds", $"optionIds holds 1 to {poll.MaxChoices} of the poll's options.");
                }
                else if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                {
                    errors = Error("optionIds", "optionIds must be distinct.");
                }
                else if (ids.Where(id => id is null || !poll.HasOption(id)).ToArray() is [var unknown, ..])
                {
                    errors = Error("optionIds", $"The poll has no option '{unknown}'.");
                }
                else
                {
                    return PollChoices.OfOptions(poll, ids);
                }

                return null;
            case PollKind.Scale:
                var scale = poll.Scale!;
                if (request.Value is not { } value || value < scale.Min || value > scale.Max)
                {
                    errors = Error("value", $"value is a whole number from {scale.Min} to {scale.Max}.");
                    return null;
                }

                return PollChoices.OfValue(value);
            default:
                if (string.IsNullOrWhiteSpace(request.OptionId))
                {
                    errors = Error("optionId", "optionId is required.");
                    return null;
                }

                return request.OptionId;
        }
    }

    /// <summary>The answer to an accepted vote: the choice in the field of the poll's kind.</summary>
    public static VoteResponse Answer(PollDefinition poll, string choice, VoteOutcome outcome)
    {
        var mine = PollResponses.MyVote(poll, choice);
        return new VoteResponse(poll.Id, mine.OptionId, OutcomeName(outcome), mine.OptionIds, mine.Value);
    }

    /// <summary>The wire name of an accepted vote's outcome, without formatting a new string per vote.</summary>
    public static string OutcomeName(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.Counted => "counted",
        VoteOutcome.Changed => "changed",
        VoteOutcome.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only an accepted vote has an answer."),
    };

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
