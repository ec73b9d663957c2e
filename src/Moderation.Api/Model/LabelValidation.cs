using Moderation.Http.Model;

namespace Moderation.Api.Model;

/// <summary>What an import must look like: 1 to 5,000 items; each item with a text of 1 to 5,000 characters and a class.</summary>
public static class LabelValidation
{
    public const int MaxItems = 5000;
    public const int MaxSourceLength = 200;

    /// <summary>The request-level problem (no items, too many), or null.</summary>
    public static Dictionary<string, string[]>? Validate(ImportLabelsRequest request) =>
        request.Items is not { Count: > 0 and <= MaxItems }
            ? new Dictionary<string, string[]> { ["items"] = [$"items holds 1 to {MaxItems} labels; split a larger import into several requests."] }
            : null;

    /// <summary>Why one item cannot be stored, or null when it can.</summary>
    public static string? Problem(ImportLabelItem? item) => item switch
    {
        null => "The item is empty.",
        { Text: var text } when string.IsNullOrWhiteSpace(text) => "text is required.",
        { Text.Length: > LabelText.MaxLength } => $"text is longer than {LabelText.MaxLength} characters.",
        { Toxic: null } => "toxic is required (true or false).",
        { Source.Length: > MaxSourceLength } => $"source is longer than {MaxSourceLength} characters.",
        _ => null,
    };
}
