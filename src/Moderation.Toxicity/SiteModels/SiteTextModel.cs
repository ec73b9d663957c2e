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

    [ThreadStatic]
    private static List<int>? _indices;

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
        var indices = _indices ??= new List<int>(256);
        indices.Clear();
        SiteNgrams.CollectIndices(normalised, _wordLookup, _charLookup, indices);
        indices.Sort();
        double dot = 0, normSquared = 0;
        for (var i = 0; i < indices.Count;)
        {
            var j = i;
            while (j < indices.Count && indices[j] == indices[i]) j++;
            var count = j - i;
            dot += _weights[indices[i]] * count;
            normSquared += count * count;
            i = j;
        }

        var logit = (double)_bias + (normSquared > 0 ? dot / Math.Sqrt(normSquared) : 0);
        for (var k = 0; k < _lexiconWeights.Length && k < lexicon.Length; k++)
        {
            logit += _lexiconWeights[k] * lexicon[k];
        }

        return logit;
    }

    /// <summary>What each word, phrase or lexicon cue added to the site model's log-odds (the bias left out).</summary>
    public Dictionary<string, double> Contributions(string normalised, LexiconAnalysis lexicon)
    {
        var grams = new Dictionary<int, (int Count, List<string> Terms)>();
        foreach (var (gram, isChar, term) in SiteNgrams.Enumerate(normalised))
        {
            if (!(isChar ? _chars : _words).TryGetValue(gram, out var index))
            {
                continue;
            }

            if (!grams.TryGetValue(index, out var entry))
            {
                entry = (0, []);
            }

            entry.Terms.Add(term);
            grams[index] = (entry.Count + 1, entry.Terms);
        }

        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        var norm = Math.Sqrt(grams.Values.Sum(g => (double)g.Count * g.Count));
        foreach (var (index, (count, owners)) in grams)
        {
            var contribution = _weights[index] * count / norm;
            foreach (var owner in owners)
            {
                Add(terms, owner, contribution / owners.Count);
            }
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
