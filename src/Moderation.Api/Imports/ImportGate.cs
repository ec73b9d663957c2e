using Moderation.Api.Comments;
using Moderation.Api.Rules;
using Moderation.Api.Toxicity;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Redis.Imports;
using Moderation.Toxicity.WordLists;

namespace Moderation.Api.Imports;

/// <summary>
/// The filter for imported comments that asked for it (<c>--rescore</c>): a comment the old system published is judged
/// as a new one would be by the site's word lists and the model against its article's hold threshold. Premoderation
/// and the trust rules are about new posts, not a site's past, and are not applied.
/// </summary>
public sealed class ImportGate(ModelHost model, SiteWordLists wordLists, IGrainFactory grains)
{
    public async Task<ImportedComment[]> JudgeAsync(IReadOnlyList<ImportedComment> comments)
    {
        var matcher = await wordLists.MatcherAsync();
        var scorer = model.RequireScorer();
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        var judged = new ImportedComment[comments.Count];
        for (var index = 0; index < comments.Count; index++)
        {
            var comment = comments[index];
            if (comment.Status != CommentStatus.Published || comment.Body.Length == 0)
            {
                judged[index] = comment;
                continue;
            }

            if (!thresholds.TryGetValue(comment.ArticleId, out var threshold))
            {
                var article = await grains.GetGrain<IArticleGrain>(comment.ArticleId).Get();
                thresholds[comment.ArticleId] = threshold = article.HoldThreshold ?? scorer.Model.Manifest.HoldThreshold;
            }

            var result = scorer.Score(comment.Body);
            var words = matcher.Match(comment.Body);
            var reasons = new List<string>();
            if (words.Kind == WordListKind.Suspect)
            {
                reasons.Add(CommentGate.SuspectWordReason);
            }

            if (result.Score >= threshold && words.Kind != WordListKind.Banned)
            {
                reasons.Add("toxicity");
            }

            var verdict = new ImportVerdict(
                result.Score, result.ModelVersion, words.Kind == WordListKind.Banned ? [CommentGate.BannedWordReason] : [.. reasons],
                [.. result.Explanation.Select(term => new ScoreTerm(term.Text, term.Weight))]);
            judged[index] = words.Kind == WordListKind.Banned
                ? comment with { Status = CommentStatus.Rejected, RejectionReason = CommentGate.BannedWordReason, Verdict = verdict }
                : comment with { Status = reasons.Count > 0 ? CommentStatus.Pending : CommentStatus.Published, Verdict = verdict };
        }

        return judged;
    }
}
