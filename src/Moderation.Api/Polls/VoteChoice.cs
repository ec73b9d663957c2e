using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

/// <summary>A vote request turned into the stored choice for the poll's kind, or the contract's 400 errors.</summary>
public static class VoteChoice
{
    /// <returns>The choice, or null with <paramref name="errors"/> filled.</returns>
    public static string? From(PollDefinition poll, VoteRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        switch (poll.Kind)
        {
            case PollKind.Multiple:
                if (request.OptionIds is not { Count: > 0 } ids || ids.Count > poll.MaxChoices)
                {
                    errors["optionIds"] = [$"optionIds holds 1 to {poll.MaxChoices} of the poll's options."];
                }
                else if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                {
                    errors["optionIds"] = ["optionIds must be distinct."];
                }
                else if (ids.Where(id => id is null || !poll.HasOption(id)).ToArray() is [var unknown, ..])
                {
                    errors["optionIds"] = [$"The poll has no option '{unknown}'."];
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
                    errors["value"] = [$"value is a whole number from {scale.Min} to {scale.Max}."];
                    return null;
                }

                return PollChoices.OfValue(value);
            default:
                if (string.IsNullOrWhiteSpace(request.OptionId))
                {
                    errors["optionId"] = ["optionId is required."];
                    return null;
                }

                return request.OptionId;
        }
    }

    /// <summary>The answer to an accepted vote: the choice in the field of the poll's kind.</summary>
    public static VoteResponse Answer(PollDefinition poll, string choice, VoteOutcome outcome)
    {
        var mine = PollResponses.MyVote(poll, choice);
        return new VoteResponse(poll.Id, mine.OptionId, outcome.ToString().ToLowerInvariant(), mine.OptionIds, mine.Value);
    }
}
