using Moderation.Contracts.Moderators;
using Moderation.Http.Moderators;

namespace Moderation.Api.Moderators;

/// <summary>The contract's rules for a decision and a ban.</summary>
public static class DecisionValidation
{
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 500;

    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal) { ModerationDecision.Approve, ModerationDecision.Reject };

    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal) { "offensive", "abusive", "spam", "off-topic", "other" };

    public static Dictionary<string, string[]> Validate(DecisionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Action is null || !Actions.Contains(request.Action))
        {
            errors["action"] = ["The action is approve or reject."];
        }

        if (request.Reason is not null && !Reasons.Contains(request.Reason))
        {
            errors["reason"] = ["The reason is one of offensive, abusive, spam, off-topic, other."];
        }
        else if (request.Reason is null && request.Action == ModerationDecision.Reject)
        {
            errors["reason"] = ["A reason is required to reject."];
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"The note is at most {MaxNoteLength} characters."];
        }

        if (request.Revision is null or < 1)
        {
            errors["revision"] = ["The revision of the comment you saw is required (a positive number)."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> ValidateBan(string readerId, BanRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsReaderId(readerId))
        {
            errors["readerId"] = ["A reader id is 1 to 128 characters without control characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"The reason is required and at most {MaxReasonLength} characters."];
        }

        return errors;
    }

    public static bool IsReaderId(string? readerId) =>
        !string.IsNullOrWhiteSpace(readerId) && readerId.Length <= 128 && !readerId.Any(char.IsControl);
}
