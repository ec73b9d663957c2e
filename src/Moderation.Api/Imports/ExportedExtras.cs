using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;
using Moderation.Http.Exports;
using Moderation.Http.Imports;
using Moderation.Redis.Imports;

namespace Moderation.Api.Imports;

/// <summary>A comment's extras from this service's export, as the store restores them: the score as a verdict, the rest as extras.</summary>
internal static class ExportedExtras
{
    public static ImportVerdict? Verdict(ImportCommentExtras? extras) => extras is { Score: { } score } ? new ImportVerdict(
        score,
        extras.ModelVersion ?? "",
        [.. (extras.Reasons ?? []).OfType<string>()],
        [.. (extras.Explanation ?? []).OfType<ExportScoreTerm>().Select(term => new ScoreTerm(term.Text, term.Weight))]) : null;

    public static ImportExtras? Of(ImportCommentExtras? extras) => extras is null ? null : new ImportExtras(
        [.. (extras.Reactors ?? []).OfType<string>().Distinct(StringComparer.Ordinal)],
        [.. (extras.Reports ?? []).OfType<ExportReport>()
            .DistinctBy(report => report.ReaderId, StringComparer.Ordinal)
            .Select(report => (report.ReaderId, JsonSerializer.Serialize(new ReportEntry(report.ReaderId, report.Reason, report.Note, report.At), PublicComment.JsonOptions)))],
        extras.Featured,
        extras.ReportsAtReview,
        extras.Reported,
        extras.EditedAt,
        [.. (extras.Versions ?? []).OfType<ExportVersion>()
            .Select(version => JsonSerializer.Serialize(new CommentVersion(version.Body, version.WrittenAt, version.ReplacedAt), PublicComment.JsonOptions))],
        [.. (extras.Reasons ?? []).OfType<string>()]);
}
