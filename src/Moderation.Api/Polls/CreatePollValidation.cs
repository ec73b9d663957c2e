using Moderation.Contracts.Polls;
using Moderation.Http.Polls;
namespace Moderation.Api.Polls;

/// <summary>
/// The contract's rules for a new poll: question 1-300 characters; 2-10 distinct options of 1-200 (none for a scale);
/// maxChoices 1 to the option count for multiple; a scale of 2 to 11 whole numbers within -10..10 with labels of
/// 1-100 characters; closesAt ahead and after opensAt.
/// </summary>
public static class CreatePollValidation
{
    public const int MinScaleValue = -10;
    public const int MaxScaleValue = 10;
    public const int MaxScalePoints = 11;

    public static Dictionary<string, string[]> Validate(CreatePollRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var question = request.Question?.Trim();
        if (string.IsNullOrEmpty(question) || question.Length > 300)
        {
            errors["question"] = ["The question is required and at most 300 characters."];
        }
        else if (question.Any(char.IsControl))
        {
            errors["question"] = ["The question must not contain control characters."];
        }

        var kind = PollWireNames.KindOf(request.Kind);
        if (kind is null)
        {
            errors["kind"] = ["kind is single, multiple or scale."];
        }
        else if (kind == PollKind.Scale)
        {
            ValidateScale(request, errors);
        }
        else
        {
            ValidateOptions(request, kind.Value, errors);
        }

        if (PollWireNames.VisibilityOf(request.ResultsVisibility) is null)
        {
            errors["resultsVisibility"] = ["resultsVisibility is always, after-vote or after-close."];
        }

        if (request.ClosesAt is { } closesAt && closesAt <= now)
        {
            errors["closesAt"] = ["closesAt must be in the future."];
        }
        else if (request.ClosesAt is { } closing && request.OpensAt is { } opening && opening >= closing)
        {
            errors["opensAt"] = ["opensAt must be before closesAt."];
        }

        return errors;
    }

    private static void ValidateOptions(CreatePollRequest request, PollKind kind, Dictionary<string, string[]> errors)
    {
        var options = request.Options?.Select(option => option?.Trim() ?? "").ToArray() ?? [];
        if (options.Length is < 2 or > 10)
        {
            errors["options"] = ["A poll has 2 to 10 options."];
        }
        else if (options.Any(option => option.Length is 0 or > 200))
        {
            errors["options"] = ["Each option is 1 to 200 characters."];
        }
        else if (options.Any(option => option.Any(char.IsControl)))
        {
            errors["options"] = ["Options must not contain control characters."];
        }
        else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Length)
        {
            errors["options"] = ["Options must be distinct."];
        }

        if (request.Scale is not null)
        {
            errors["scale"] = ["Only a scale poll has a scale."];
        }

        if (kind == PollKind.Single && request.MaxChoices is not null)
        {
            errors["maxChoices"] = ["Only a multiple-choice poll takes maxChoices."];
        }
        else if (kind == PollKind.Multiple && request.MaxChoices is { } max && (max < 1 || max > options.Length))
        {
            errors["maxChoices"] = [$"maxChoices is 1 to the number of options ({options.Length})."];
        }
    }

    private static void ValidateScale(CreatePollRequest request, Dictionary<string, string[]> errors)
    {
        if (request.Options is { Count: > 0 })
        {
            errors["options"] = ["A scale poll has no options: its answers are the scale's values."];
        }

        if (request.MaxChoices is not null)
        {
            errors["maxChoices"] = ["Only a multiple-choice poll takes maxChoices."];
        }

        if (request.Scale is not { Min: { } min, Max: { } max } scale)
        {
            errors["scale"] = ["A scale poll needs scale.min and scale.max."];
            return;
        }

        if (min < MinScaleValue || max > MaxScaleValue || max <= min || max - min + 1 > MaxScalePoints)
        {
            errors["scale"] = [$"scale.min is below scale.max, both within {MinScaleValue}..{MaxScaleValue}, at most {MaxScalePoints} values."];
        }
        else if (!IsLabel(scale.MinLabel) || !IsLabel(scale.MaxLabel))
        {
            errors["scale"] = ["scale.minLabel and scale.maxLabel are 1 to 100 characters without control characters."];
        }
    }

    private static bool IsLabel(string? label) =>
        label?.Trim() is { Length: >= 1 and <= 100 } trimmed && !trimmed.Any(char.IsControl);
}
