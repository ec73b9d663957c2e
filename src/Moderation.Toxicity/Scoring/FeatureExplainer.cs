using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Scoring;

/// <summary>
/// Explains a score from the model's own weights: every active feature contributes weight × value to the
/// log-odds. Word n-grams are reported as the words; a character n-gram's share goes to the word it sits
/// in; a lexicon feature's share goes to the words or phrases that set it. Terms are merged and the
/// strongest few returned.
/// </summary>
internal sealed class FeatureExplainer
{
    private const char Start = '\u0002';
    private const char End = '\u0003';

    private readonly float[] _weights;
    private readonly float _bias;
    private readonly ICalibrator? _calibrator;
    private readonly SlotTerms _slots;
    private readonly int _textSlots;
    private readonly int[] _charLengths;

    private FeatureExplainer(float[] weights, float bias, ICalibrator? calibrator, VBuffer<ReadOnlyMemory<char>> slotNames, int textSlots, int[] charLengths)
    {
        _charLengths = charLengths;
        _weights = weights;
        _bias = bias;
        _calibrator = calibrator;
        _slots = new SlotTerms(slotNames);
        _textSlots = textSlots;
    }

    public static FeatureExplainer For(LoadedModel model)
    {
        var schema = model.Transformer.GetOutputSchema(model.InputSchema);
        var textColumn = schema[ToxicityPipeline.TextFeatures];
        var textSlots = textColumn.Type is VectorDataViewType vector ? vector.Size : 0;
        var (weights, bias, calibrator) = LinearWeights.Of(model.Transformer);
        var variant = model.Manifest.Variant;
        int[] charLengths = variant.CharNgrams <= 0 ? [] : variant.CharAllLengths ? [.. Enumerable.Range(1, variant.CharNgrams)] : [variant.CharNgrams];
        return new FeatureExplainer(weights, bias, calibrator, LinearWeights.SlotNames(textColumn), textSlots, charLengths);
    }

    /// <summary>
    /// The model's probability from the feature vector: bias + w·x through the model's calibrator. Computing it here
    /// lets a prediction engine produce only the features; asking ML.NET for both the features and the score
    /// featurises the text twice (about 60 µs more per comment).
    /// </summary>
    public double Probability(in VBuffer<float> features)
    {
        double score = _bias;
        var values = features.GetValues();
        if (features.IsDense)
        {
            for (var i = 0; i < values.Length && i < _weights.Length; i++)
            {
                score += _weights[i] * values[i];
            }
        }
        else
        {
            var indices = features.GetIndices();
            for (var k = 0; k < values.Length; k++)
            {
                if (indices[k] < _weights.Length)
                {
                    score += _weights[indices[k]] * values[k];
                }
            }
        }

        return _calibrator?.PredictProbability((float)score) ?? 1 / (1 + Math.Exp(-score));
    }

    /// <param name="modelText">The text the model's n-grams were computed from (the engine input's text).</param>
    public IReadOnlyList<ExplanationTerm> Explain(in VBuffer<float> features, string modelText, LexiconAnalysis lexicon, int count) =>
        Contributions(features, modelText, lexicon)
            .Where(t => Math.Abs(t.Value) >= 0.01)
            .OrderByDescending(t => Math.Abs(t.Value))
            .Take(count)
            .Select(t => new ExplanationTerm(t.Key, Math.Round(t.Value, 3)))
            .ToList();

    /// <summary>The model's bias: the log-odds of a comment with no active feature.</summary>
    public double Bias => _bias;

    /// <summary>Every term's share of the log-odds, unrounded: with <see cref="Bias"/> they add up to the model's raw score.</summary>
    internal Dictionary<string, double> Contributions(in VBuffer<float> features, string modelText, LexiconAnalysis lexicon)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        CharGramIndex? grams = null;
        var values = features.GetValues();
        var indices = features.IsDense ? default : features.GetIndices();
        for (var k = 0; k < values.Length; k++)
        {
            var slot = features.IsDense ? k : indices[k];
            if (values[k] == 0 || slot >= _weights.Length || _weights[slot] == 0)
            {
                continue;
            }

            var contribution = (double)_weights[slot] * values[k];
            if (slot >= _textSlots)
            {
                AddLexicon(terms, lexicon, slot - _textSlots, contribution);
            }
            else if (slot < _slots.Count && _slots.Words(slot) is { } words)
            {
                Add(terms, words, contribution);
            }
            else if (slot < _slots.Count && _slots.Gram(slot) is var gram and not 0)
            {
                grams ??= new CharGramIndex(Start + modelText + End, _charLengths);
                var occurrences = grams.Occurrences(gram);
                for (var o = 0; o < occurrences; o++)
                {
                    Add(terms, grams.WordAt(gram, o), contribution / occurrences);
                }
            }
        }

        return terms;
    }

    private static void AddLexicon(Dictionary<string, double> terms, LexiconAnalysis lexicon, int feature, double contribution)
    {
        if (feature >= lexicon.Evidence.Length)
        {
            return;
        }

        var evidence = lexicon.Evidence[feature].Distinct().ToList();
        if (evidence.Count == 0)
        {
            Add(terms, $"({lexicon.Names[feature]})", contribution);
            return;
        }

        foreach (var item in evidence)
        {
            Add(terms, item, contribution / evidence.Count);
        }
    }

    private static void Add(Dictionary<string, double> terms, string term, double contribution) =>
        terms[term] = terms.GetValueOrDefault(term) + contribution;
}
