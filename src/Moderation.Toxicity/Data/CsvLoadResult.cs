namespace Moderation.Toxicity.Data;

/// <summary>A row the loader could not use, with the reason.</summary>
public sealed record MalformedRow(string File, int Line, string Reason);

/// <summary>The rows read from one or more CSV files, and what was skipped.</summary>
public sealed record CsvLoadResult(
    IReadOnlyList<LabelledText> Rows,
    int SkippedUnlabelled,
    IReadOnlyList<MalformedRow> Malformed);
