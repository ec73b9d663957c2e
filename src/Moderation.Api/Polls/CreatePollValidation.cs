using Moderation.Http.Polls;
namespace Moderation.Api.Polls;

/// <summary>The contract's rules for a new poll: question 1-300 characters, 2-10 distinct options of 1-200, closesAt ahead.</summary>
public static class CreatePollValidation
{
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

        if (request.ClosesAt is { } closesAt && closesAt <= now)
        {
            errors["closesAt"] = ["closesAt must be in the future."];
        }

        return errors;
    }
}
