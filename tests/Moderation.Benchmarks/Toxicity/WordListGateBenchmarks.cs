using BenchmarkDotNet.Attributes;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.WordLists;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>
/// What the comment gate spends on a comment's text, with the site's word lists empty and with 10,000 entries in one
/// run: the score with its explanation and the word list match, one call per iteration, over the same 4,000 comments
/// as the latency benchmarks. Entries are made-up words and phrases (none occurs in the comments, so every match walks
/// the whole comment, the slowest case), a tenth of them phrases of two or three words.
/// </summary>
[Config(typeof(PerCallConfig))]
public class WordListGateBenchmarks
{
    private string[] _comments = [];
    private ToxicityScorer _scorer = null!;
    private WordListMatcher _matcher = null!;
    private int _next;

    [Params(0, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _comments = BenchmarkComments.Create(4_000);
        _scorer = new ToxicityScorer(DefaultModel.Load());
        var entries = MadeUpEntries(Entries);
        _matcher = new WordListMatcher(entries[..(Entries / 2)], entries[(Entries / 2)..]);
        for (var round = 0; round < 3; round++)
        {
            foreach (var comment in _comments)
            {
                _scorer.Score(comment);
                _matcher.Match(comment);
            }
        }

        Thread.Sleep(500);
    }

    [Benchmark(Description = "Score + explanation, then word lists")]
    public WordListMatch ScoreThenWordLists()
    {
        var comment = Next();
        _scorer.Score(comment);
        return _matcher.Match(comment);
    }

    [Benchmark(Description = "Word lists only")]
    public WordListMatch WordListsOnly() => _matcher.Match(Next());

    private string Next() => _comments[_next++ % _comments.Length];

    internal static string[] MadeUpEntries(int count, int seed = 17)
    {
        const string consonants = "bcdfghjkmnprstvwz";
        const string vowels = "aeiou";
        var random = new Random(seed);
        string Word() => string.Concat(Enumerable.Range(0, random.Next(3, 5)).Select(_ => $"{consonants[random.Next(consonants.Length)]}{vowels[random.Next(vowels.Length)]}"));
        var entries = new HashSet<string>(StringComparer.Ordinal);
        while (entries.Count < count)
        {
            entries.Add(entries.Count % 10 == 0 ? string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Word())) : Word());
        }

        return [.. entries];
    }
}

/// <summary>Building the matcher of a new list version (every silo does it once per change), at 10,000 entries.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class WordListBuildBenchmarks
{
    private string[] _entries = [];

    [GlobalSetup]
    public void Setup() => _entries = WordListGateBenchmarks.MadeUpEntries(10_000);

    [Benchmark(Description = "Build the matcher of 10,000 entries")]
    public WordListMatcher Build() => new(_entries[..5_000], _entries[5_000..]);
}
