using System.Text.Json;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// The site's own logistic regression: word 1-2-grams and in-word character 4-grams of the normalised comment
/// (counts, L2-normed over the n-grams it knows, like the base model's text features) plus the 16 lexicon features.
/// It is trained on a site's labels only, so its vocabulary is small and scoring it is a few dictionary lookups.
/// </summary>
internal sealed class SiteTextModel
{
    public const string FileName = "site.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int _instances;

    [ThreadStatic]
    private static List<GramOccurrence>? _found;

    // Per-thread n-gram counts (all zero between calls): the L2 norm needs each n-gram's count, and counting in an
    // array indexed by vocabulary is cheaper than sorting the occurrences.
    [ThreadStatic]
    private static int[]? _counts;

    // What _found holds, so that explaining a score just computed on this thread does not look the n-grams up again.
    [ThreadStatic]
    private static (int Model, string? Text, double Dot, double Norm) _collected;

    private readonly int _instance = Interlocked.Increment(ref _instances);

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int> _chars;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _charLookup;
    private readonly float[] _weights;
    private readonly float[] _lexiconWeights;
    private readonly float _bias;

    public SiteTextModel(Dictionary<string, int> words, Dictionary<string, int> chars, float[] weights, float[] lexiconWeights, float bias)
    {
        if (lexiconWeights.Length != LexiconFeatures.Count || words.Count + chars.Count != weights.Length)
        {
            throw new ArgumentException("The site model's vocabulary and weights do not match.");
        }

        _words = words;
        _chars = chars;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _charLookup = chars.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = weights;
        _lexiconWeights = lexiconWeights;
        _bias = bias;
    }

    public int VocabularySize => _weights.Length;

    /// <summary>The site model's log-odds of toxic for one comment.</summary>
    public double Logit(string normalised, float[] lexicon)
    {
        var (_, dot, norm) = Collect(normalised);
        var logit = (double)_bias + (norm > 0 ? dot / norm : 0);
        for (var k = 0; k < _lexiconWeights.Length && k < lexicon.Length; k++)
        {
            logit += _lexiconWeights[k] * lexicon[k];
        }

        return logit;
    }

    /// <summary>What each word, phrase or lexicon cue added to the site model's log-odds (the bias left out).</summary>
    public Dictionary<string, double> Contributions(string normalised, LexiconAnalysis lexicon)
    {
        var (found, _, norm) = Collect(normalised);
        var byOwner = new Dictionary<(int Start, int Length), double>();
        foreach (var occurrence in found)
        {
            var owner = (occurrence.Start, occurrence.Length);
            byOwner[owner] = byOwner.GetValueOrDefault(owner) + _weights[occurrence.Index] / norm;
        }

        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ((start, length), contribution) in byOwner)
        {
            Add(terms, normalised.Substring(start, length), contribution);
        }

        for (var k = 0; k < _lexiconWeights.Length && k < lexicon.Features.Length; k++)
        {
            var contribution = (double)_lexiconWeights[k] * lexicon.Features[k];
            if (contribution == 0)
            {
                continue;
            }

            var evidence = lexicon.Evidence[k].Distinct().ToList();
            if (evidence.Count == 0)
            {
                Add(terms, $"({LexiconFeatures.Names[k]})", contribution);
                continue;
            }

            foreach (var item in evidence)
            {
                Add(terms, item, contribution / evidence.Count);
            }
        }

        return terms;
    }

    /// <summary>The n-grams of a text this model knows (in a per-thread buffer), w·x before norming, and the L2 norm of the counts.</summary>
    private (List<GramOccurrence> Found, double Dot, double Norm) Collect(string normalised)
    {
        var found = _found ??= new List<GramOccurrence>(256);
        var collected = _collected;
        if (collected.Model == _instance && ReferenceEquals(collected.Text, normalised))
        {
            return (found, collected.Dot, collected.Norm);
        }

        found.Clear();
        SiteNgrams.Collect(normalised, _wordLookup, _charLookup, found);
        var counts = _counts is { } existing && existing.Length >= _weights.Length ? existing : _counts = new int[_weights.Length];
        double dot = 0;
        long squares = 0;
        foreach (var occurrence in found)
        {
            // (c + 1)² - c² = 2c + 1: the sum of squared counts grows by that at each repeat.
            squares += 2 * counts[occurrence.Index]++ + 1;
            dot += _weights[occurrence.Index];
        }

        foreach (var occurrence in found)
        {
            counts[occurrence.Index] = 0;
        }

        var norm = Math.Sqrt(squares);
        _collected = (_instance, normalised, dot, norm);
        return (found, dot, norm);
    }

    public void Save(string path)
    {
        var file = new SiteModelFile(
            SiteNgrams.CharLength,
            _bias,
            _lexiconWeights,
            _words.OrderBy(w => w.Value).ToDictionary(w => w.Key, w => _weights[w.Value]),
            _chars.OrderBy(c => c.Value).ToDictionary(c => c.Key, c => _weights[c.Value]));
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, file, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static SiteTextModel Load(string path)
    {
        SiteModelFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<SiteModelFile>(stream, Json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"The site model '{path}' could not be read ({e.GetType().Name}: {e.Message}).", e);
        }

        if (file is null || file.CharLength != SiteNgrams.CharLength || file.LexiconWeights.Length != LexiconFeatures.Count)
        {
            throw new ModelLoadException($"The site model '{path}' is empty or was written for other features; retrain it.");
        }

        var weights = new float[file.Words.Count + file.Chars.Count];
        var words = new Dictionary<string, int>(file.Words.Count, StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(file.Chars.Count, StringComparer.Ordinal);
        var next = 0;
        foreach (var (gram, weight) in file.Words)
        {
            weights[next] = weight;
            words[gram] = next++;
        }

        foreach (var (gram, weight) in file.Chars)
        {
            weights[next] = weight;
            chars[gram] = next++;
        }

        return new SiteTextModel(words, chars, weights, file.LexiconWeights, file.Bias);
    }

    private static void Add(Dictionary<string, double> terms, string term, double contribution) =>
        terms[term] = terms.GetValueOrDefault(term) + contribution;

    private sealed record SiteModelFile(int CharLength, float Bias, float[] LexiconWeights, Dictionary<string, float> Words, Dictionary<string, float> Chars);
}
