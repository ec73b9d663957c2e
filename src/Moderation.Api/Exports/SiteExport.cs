using System.Runtime.CompilerServices;
using System.Text.Json;
using Moderation.Api.Polls;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Polls;
using Moderation.Http.Comments;
using Moderation.Http.Exports;
using Moderation.Redis.Exports;

namespace Moderation.Api.Exports;

/// <summary>
/// The lines of an export, made as they are read: a header; per article its settings, its comments in stored order,
/// its polls with their results; the audit trail (of the article's comments, or the whole site's); an end line with
/// the counts. Nothing but one page is held, whatever the site's size.
/// </summary>
public sealed class SiteExport(ExportReader reader, IGrainFactory grains, PollResultsReader results, TimeProvider clock)
{
    public const int Version = 1;

    /// <param name="articleId">One article, or null for every article that has comments.</param>
    public async IAsyncEnumerable<object> LinesAsync(string? articleId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ExportHeaderLine(ExportLineTypes.Header, Version, clock.GetUtcNow(), articleId);
        long articles = 0, comments = 0, polls = 0, audits = 0, ballots = 0;
        var articleIds = articleId is null ? await reader.ArticlesAsync() : [articleId];
        foreach (var id in articleIds)
        {
            var article = await grains.GetGrain<IArticleGrain>(id).Get();
            articles++;
            yield return Line(article);
            await foreach (var page in reader.CommentPagesAsync(id, cancellationToken))
            {
                var extras = await reader.ExtrasAsync([.. page.Select(comment => comment.Id)]);
                for (var index = 0; index < page.Length; index++)
                {
                    comments++;
                    yield return Line(page[index], extras[index]);
                }

                if (articleId is not null)
                {
                    foreach (var entry in await reader.AuditOfAsync([.. page.Select(comment => comment.Id)]))
                    {
                        audits++;
                        yield return Line(entry);
                    }
                }
            }

            foreach (var pollId in article.PollIds)
            {
                if (await grains.GetGrain<IPollGrain>(pollId).Get() is { } poll)
                {
                    polls++;
                    // Recounted from the stored votes first: published results may lag the last votes by a publication
                    // interval, and the export's results must be the ballots' that follow them.
                    await grains.GetGrain<IPollTallyGrain>(pollId).Recount();
                    yield return Line(poll, await results.ReadJsonAsync(pollId));
                    await foreach (var page in reader.BallotPagesAsync(pollId, poll.Definition.ShardCount, cancellationToken))
                    {
                        foreach (var (readerId, choice, signedIn) in page)
                        {
                            ballots++;
                            yield return new ExportBallotLine(ExportLineTypes.Ballot, pollId, readerId, choice, signedIn);
                        }
                    }
                }
            }
        }

        if (articleId is null)
        {
            await foreach (var page in reader.AuditPagesAsync(cancellationToken))
            {
                foreach (var entry in page)
                {
                    audits++;
                    yield return Line(entry);
                }
            }
        }

        yield return new ExportEndLine(ExportLineTypes.End, articles, comments, polls, audits, ballots);
    }

    private static ExportArticleLine Line(ArticleView article) => new(
        ExportLineTypes.Article, article.Id, article.CommentsOpen, article.Premoderation, article.HoldThreshold,
        article.Trust is { } trust ? new ExportTrust(trust.NewReaderComments, trust.LinkApprovedComments, trust.RecentRejections) : null,
        article.CommentCount);

    private static ExportCommentLine Line(CommentView comment, CommentExtras extras) => new(
        ExportLineTypes.Comment, comment.Id, comment.ArticleId, comment.ParentId, comment.AuthorId, comment.AuthorName, comment.Body,
        comment.CreatedAt, comment.Status, comment.RejectionReason,
        extras.Reactors,
        comment.Featured,
        [.. extras.Reports.Select(report => JsonSerializer.Deserialize<ReportEntry>(report.Json, PublicComment.JsonOptions)!)
            .Select(report => new ExportReport(report.ReaderId, report.Reason, report.Note, report.At))],
        extras.ReportsAtReview,
        extras.Reported,
        comment.Score,
        comment.ModelVersion,
        comment.Reasons.IsDefault ? [] : [.. comment.Reasons],
        comment.Explanation.IsDefault ? [] : [.. comment.Explanation.Select(term => new ExportScoreTerm(term.Text, term.Weight))],
        comment.EditedAt,
        [.. extras.Versions.Select(json => JsonSerializer.Deserialize<CommentVersion>(json, PublicComment.JsonOptions)!)
            .Select(version => new ExportVersion(version.Body, version.WrittenAt, version.ReplacedAt))]);

    private static ExportPollLine Line(PollView poll, string? resultsJson) => new(
        ExportLineTypes.Poll, poll.Definition.Id, poll.Definition.ArticleId, poll.Definition.Question,
        [.. poll.Definition.Options.Select(option => new ExportPollOption(option.Id, option.Text))],
        poll.Definition.ClosesAt, poll.Definition.AllowAnonymous, poll.Definition.AllowVoteChange, poll.Definition.CreatedAt, poll.Closed,
        resultsJson is null ? null : JsonDocument.Parse(resultsJson).RootElement.Clone(),
        PollWireNames.Of(poll.Definition.Kind),
        poll.Definition.MaxChoices,
        poll.Definition.Scale is { } scale ? new ExportPollScale(scale.Min, scale.Max, scale.MinLabel, scale.MaxLabel) : null,
        PollWireNames.Of(poll.Definition.ResultsVisibility),
        poll.Definition.OpensAt);

    private static ExportAuditLine Line(AuditEntry entry) => new(
        ExportLineTypes.Audit, entry.At, entry.ModeratorId, entry.CommentId, entry.ReaderId, entry.Action, entry.Reason, entry.Note,
        entry.FromStatus, entry.ToStatus, entry.Score);
}
