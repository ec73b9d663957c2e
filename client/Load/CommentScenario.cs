using Moderation.Client.Http;
using Moderation.Http.Comments;

namespace Moderation.Client.Load;

/// <summary>
/// <c>load comments</c>: every virtual reader is its own author (its own token and reader id) and posts to one of the
/// articles, then waits out the post interval before its next post (a 429 makes it wait its <c>Retry-After</c>).
/// Remembers what the service acknowledged, to check the articles' published counts after.
/// </summary>
internal sealed class CommentScenario(IReadOnlyList<string> articles, string[] authorTokens, TimeSpan interval, double abusiveShare, string runId)
{
    private readonly Dictionary<string, long> _published = articles.ToDictionary(article => article, _ => 0L, StringComparer.Ordinal);
    private long _acknowledged;
    private long _held;
    private long _uncertain;

    public ReaderPace[] Paces { get; } = [.. authorTokens.Select(_ => new ReaderPace())];

    public string ArticleOf(int reader) => articles[reader % articles.Count];

    public ReaderStep Reader(ModerationApi service, int reader)
    {
        var author = service.WithToken(authorTokens[reader]);
        var article = ArticleOf(reader);
        var pace = Paces[reader];
        var sequence = 0;
        return async cancellationToken =>
        {
            sequence++;
            var body = CommentTexts.Body(runId, reader, sequence, Random.Shared.NextDouble() < abusiveShare);
            PublicComment comment;
            try
            {
                comment = await author.PostCommentAsync(article, new PostCommentRequest(body, null), Guid.NewGuid().ToString(), cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // No answer: the service may or may not have stored it.
                Interlocked.Increment(ref _uncertain);
                throw;
            }

            // The service's interval starts when it takes the post; waiting from the answer keeps this reader behind it.
            pace.WaitFor(interval);
            Interlocked.Increment(ref _acknowledged);
            if (comment.Status == ModerationWords.Published)
            {
                lock (_published)
                {
                    _published[article]++;
                }
            }
            else
            {
                Interlocked.Increment(ref _held);
            }

            return true;
        };
    }

    /// <summary>The published count of each article now.</summary>
    public async Task<Dictionary<string, long>> CountsAsync(ModerationApi service, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            counts[article] = (await service.GetArticleAsync(article, cancellationToken)).CommentCount;
        }

        return counts;
    }

    public CommentCheck Check(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        Dictionary<string, long> published;
        lock (_published)
        {
            published = new Dictionary<string, long>(_published, StringComparer.Ordinal);
        }

        var grew = articles.ToDictionary(article => article, article => after[article] - before[article], StringComparer.Ordinal);
        return new CommentCheck(published, grew, Interlocked.Read(ref _acknowledged), published.Values.Sum(), Interlocked.Read(ref _held),
            Interlocked.Read(ref _uncertain));
    }
}
