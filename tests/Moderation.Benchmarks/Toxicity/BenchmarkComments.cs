namespace Moderation.Benchmarks.Toxicity;

/// <summary>
/// News-comment-like texts generated in code (no data files): mostly 10 to 80 words, some up to 250,
/// about one in six abusive, a few with evasion tricks, so that latency covers realistic lengths.
/// </summary>
internal static class BenchmarkComments
{
    private static readonly string[] Words =
    [
        "the", "council", "budget", "vote", "mayor", "article", "really", "think", "people", "city", "tax", "road", "school",
        "because", "should", "would", "never", "about", "report", "reporter", "years", "money", "police", "housing", "plan",
        "agree", "wrong", "right", "point", "numbers", "last", "week", "meeting", "residents", "bus", "bridge", "election",
        "candidate", "policy", "state", "federal", "government", "jobs", "cost", "and", "but", "not", "this", "that", "is",
    ];

    private static readonly string[] Abuse =
    [
        "you are an idiot", "what a moron", "shut up you clown", "f.u.c.k this", "stuuupid people", "you 1diot", "go to hell",
    ];

    /// <summary>Whether a generated comment carries one of the abusive phrases.</summary>
    public static bool IsAbusive(string comment) => Abuse.Any(comment.Contains);

    public static string[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var comments = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = random.NextDouble() < 0.05 ? random.Next(150, 250) : random.Next(10, 80);
            var words = Enumerable.Range(0, length).Select(_ => Words[random.Next(Words.Length)]).ToList();
            if (random.Next(6) == 0)
            {
                words.Insert(random.Next(words.Count), Abuse[random.Next(Abuse.Length)]);
            }

            comments[i] = string.Join(' ', words) + (random.Next(3) == 0 ? "!" : ".");
        }

        return comments;
    }
}
