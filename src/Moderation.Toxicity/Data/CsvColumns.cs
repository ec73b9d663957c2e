namespace Moderation.Toxicity.Data;

/// <summary>
/// Which CSV columns hold the text and the 0/1 label. When a name is null the loader tries the
/// usual ones: <c>text</c>, <c>comment_text</c>, <c>comment</c>, <c>tweet</c> and <c>toxic</c>, <c>label</c>.
/// </summary>
public sealed record CsvColumns(string? TextColumn = null, string? LabelColumn = null)
{
    internal static readonly string[] TextCandidates = ["text", "comment_text", "comment", "tweet"];
    internal static readonly string[] LabelCandidates = ["toxic", "label", "is_toxic"];
}
