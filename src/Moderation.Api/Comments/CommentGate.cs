using System.Collections.Immutable;
using Moderation.Api.Auth;
using Moderation.Api.ModerationStream;
using Moderation.Api.Readers;
using Moderation.Api.Rules;
using Moderation.Api.Telemetry;
using Moderation.Api.Toxicity;
using Moderation.Api.Trust;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using Moderation.Toxicity.WordLists;

namespace Moderation.Api.Comments;

/// <summary>
/// What a new comment goes through, in order: validation; the article open; the reader not banned; the parent
/// visible; the site's word lists; the per-reader rate limit; the toxicity score; the policy (a banned word stores it
/// as rejected by the system, with reason banned-word; premoderation, a suspect word, a trust rule (<see cref="TrustRules"/>) or a score at or above the hold threshold, holds it as pending
/// with its reasons; otherwise it is published). Scoring and storing happen here, on the silo that received the post
/// (<see cref="CommentPosting"/>). A held or rejected comment is told to the moderators' live stream once stored.
/// </summary>
public sealed class CommentGate(
    IGrainFactory grains,
    BannedReaders bans,
    PostRateLimiter rateLimiter,
    ModelHost model,
    SiteWordLists wordLists,
    ModerationFeed feed,
    CommentParts parts,
    CommentStore comments,
    CommentPosting posting,
    ReaderHistories histories,
    SiteTrust trust,
    TimeProvider clock,
    ModerationMetrics metrics,
    ReaderNotifier notifier)
{
    /// <summary>Why a comment with a suspect word waits for a moderator.</summary>
    public const string SuspectWordReason = "suspect-word";

    /// <summary>Why a comment with a banned word is stored as rejected at once.</summary>
    public const string BannedWordReason = "banned-word";

    /// <summary>Who the moderation stream names for a decision the gate made.</summary>
    public const string SystemDecider = "system";

    /// <param name="idempotencyKey">When given, a retry of an acknowledged post returns the stored comment, whatever changed since.</param>
    public async Task<GateResult> PostAsync(string articleId, PostCommentRequest request, ReaderIdentity reader, string? idempotencyKey)
    {
        var errors = CommentValidation.ValidatePost(request);
        if (idempotencyKey is not null && !IdempotencyKeys.IsWellFormed(idempotencyKey))
        {
            errors[IdempotencyKeys.Header] = [$"The key is 1 to {IdempotencyKeys.MaxLength} visible ASCII characters."];
        }

        if (errors.Count > 0)
        {
            return GateResult.Invalid(errors);
        }

        var part = parts.OfArticle(articleId);
        var commentId = idempotencyKey is null ? CommentIds.NewCommentId(part) : IdempotencyKeys.CommentId(reader.Id, idempotencyKey, part);
        if (idempotencyKey is not null && await EarlierPostAsync(commentId, reader.Id, idempotencyKey, part) is { } earlier)
        {
            return Replay(earlier, articleId, request, reader);
        }

        var article = await grains.GetGrain<IArticleGrain>(articleId).Settings();
        if (!article.CommentsOpen)
        {
            return GateResult.Refused(GateRefusal.Closed);
        }

        if (await bans.IsBannedAsync(reader.Id))
        {
            return GateResult.Refused(GateRefusal.Banned);
        }

        if (request.ParentId is { } parentId && !await IsVisibleParentAsync(parentId, articleId))
        {
            return GateResult.Invalid(UnknownParent(parentId));
        }

        var words = (await wordLists.MatcherAsync()).Match(request.Body!);
        if (await rateLimiter.TryEnterAsync(reader.Id) is { } wait)
        {
            return GateResult.RateLimited(wait);
        }

        try
        {
            var trustReasons = words.Kind == WordListKind.Banned ? [] : await TrustReasonsAsync(reader.Id, request.Body!, article.Trust);
            var draft = Judge(commentId, articleId, request, reader, article, words, trustReasons);
            var posted = await posting.PostAsync(draft);
            if (posted.Comment is null)
            {
                await rateLimiter.ReleaseAsync(reader.Id);
                return GateResult.Invalid(UnknownParent(request.ParentId!));
            }

            if (!posted.Created)
            {
                // A concurrent request with the same key stored it first.
                await rateLimiter.ReleaseAsync(reader.Id);
                return Replay(posted.Comment, articleId, request, reader);
            }

            metrics.CommentPosted(posted.Comment);
            if (posted.Comment.Status == CommentStatus.Published)
            {
                await notifier.ReplyPublishedAsync(posted.Comment);
            }
            else if (posted.Comment.Status == CommentStatus.Pending)
            {
                await feed.HeldAsync(posted.Comment);
            }
            else if (posted.Comment.Status == CommentStatus.Rejected)
            {
                await feed.DecidedAsync(posted.Comment, SystemDecider, "reject", BannedWordReason, posted.Comment.CreatedAt);
            }

            return GateResult.Posted(posted.Comment);
        }
        catch
        {
            await rateLimiter.ReleaseAsync(reader.Id);
            throw;
        }
    }

    /// <summary>
    /// The verdict of the word lists, the trust rules and the model on an edited text, as on a post (<see cref="CommentEditor"/>
    /// decides what it means for the comment); edits are limited as writes, not by the post interval.
    /// </summary>
    public async Task<CommentDraft> JudgeTextAsync(CommentView comment, string body, ReaderIdentity reader, ArticleView article)
    {
        var words = (await wordLists.MatcherAsync()).Match(body);
        var trustReasons = words.Kind == WordListKind.Banned ? [] : await TrustReasonsAsync(reader.Id, body, article.Trust);
        return Judge(comment.Id, comment.ArticleId, new PostCommentRequest(body, comment.ParentId), reader, article, words, trustReasons);
    }

    /// <summary>
    /// The comment a key stored already: in this article's part, or (the same key on another article) in another. One
    /// round trip asks for all 17 ids at once, since nearly every key is new and so nothing is read after it.
    /// </summary>
    private async Task<CommentView?> EarlierPostAsync(string commentId, string readerId, string idempotencyKey, int part) =>
        await comments.FirstStoredAsync([commentId, .. IdempotencyKeys.OtherIds(readerId, idempotencyKey, part)]) is { } stored
            ? await comments.ReadAsync(stored)
            : null;

    private static GateResult Replay(CommentView earlier, string articleId, PostCommentRequest request, ReaderIdentity reader) =>
        IdempotencyKeys.IsSamePost(earlier, articleId, request, reader.Id)
            ? GateResult.Replay(earlier)
            : GateResult.Refused(GateRefusal.KeyReused);

    /// <summary>The trust rules that hold this post, from the reader's history before it (one read over the 16 parts, only when a rule is on).</summary>
    private async Task<ImmutableArray<string>> TrustReasonsAsync(string readerId, string body, ArticleTrust? articleTrust)
    {
        var options = (await trust.OptionsAsync()).ForArticle(articleTrust);
        if (!options.AnyRule)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var history = await histories.ReadAsync(readerId, TrustRules.RejectionsSince(options, now));
        return TrustRules.Reasons(options, history, body, now);
    }

    private CommentDraft Judge(
        string commentId, string articleId, PostCommentRequest request, ReaderIdentity reader, ArticleView article, WordListMatch words,
        ImmutableArray<string> trustReasons)
    {
        var body = request.Body!.Trim();
        var scorer = model.RequireScorer();
        var result = metrics.Score(scorer, body);
        var threshold = article.HoldThreshold ?? scorer.Model.Manifest.HoldThreshold;
        var reasons = ImmutableArray.CreateBuilder<string>();
        var status = CommentStatus.Pending;
        if (words.Kind == WordListKind.Banned)
        {
            reasons.Add(BannedWordReason);
            status = CommentStatus.Rejected;
        }
        else if (article.Premoderation)
        {
            reasons.Add("premoderation");
        }

        if (words.Kind == WordListKind.Suspect)
        {
            reasons.Add(SuspectWordReason);
        }

        reasons.AddRange(trustReasons);

        if (result.Score >= threshold && status != CommentStatus.Rejected)
        {
            reasons.Add("toxicity");
        }

        return new CommentDraft(
            commentId,
            articleId,
            request.ParentId,
            reader.Id,
            reader.Name,
            body,
            clock.GetUtcNow(),
            reasons.Count > 0 ? status : CommentStatus.Published,
            reasons.ToImmutable(),
            result.Score,
            result.ModelVersion,
            threshold,
            [.. result.Explanation.Select(term => new ScoreTerm(term.Text, term.Weight))]);
    }

    private async Task<bool> IsVisibleParentAsync(string parentId, string articleId)
    {
        var parent = await grains.GetGrain<ICommentQueriesGrain>(0).Comment(parentId);
        return parent is { Status: CommentStatus.Published } && parent.ArticleId == articleId;
    }

    private static Dictionary<string, string[]> UnknownParent(string parentId) =>
        new() { ["parentId"] = [$"There is no published comment '{parentId}' on this article to reply to."] };
}

public enum GateRefusal
{
    Closed,
    Banned,

    /// <summary>The idempotency key already stands for a different post of this reader.</summary>
    KeyReused,
}

/// <param name="Replayed">True when the comment was stored by an earlier request with the same idempotency key.</param>
public sealed record GateResult(
    CommentView? Comment, Dictionary<string, string[]>? Errors, GateRefusal? Refusal, TimeSpan? RetryAfter, bool Replayed = false)
{
    public static GateResult Posted(CommentView comment) => new(comment, null, null, null);

    public static GateResult Replay(CommentView comment) => new(comment, null, null, null, Replayed: true);

    public static GateResult Invalid(Dictionary<string, string[]> errors) => new(null, errors, null, null);

    public static GateResult Refused(GateRefusal refusal) => new(null, null, refusal, null);

    public static GateResult RateLimited(TimeSpan wait) => new(null, null, null, wait);
}
