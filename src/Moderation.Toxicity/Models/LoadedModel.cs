using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Models;

/// <summary>A model ready to score: the ML.NET chain, its manifest, and what explanations need (weights, slot names).</summary>
public sealed class LoadedModel
{
    public const string ManifestFile = "manifest.json";

    internal LoadedModel(ModelManifest manifest, MLContext context, ITransformer transformer)
    {
        Manifest = manifest;
        Context = context;
        Transformer = transformer;
        Explainer = FeatureExplainer.For(this);
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    internal MLContext Context { get; }

    internal ITransformer Transformer { get; }

    internal FeatureExplainer Explainer { get; }

    internal DataViewSchema InputSchema => Context.Data.LoadFromEnumerable(Array.Empty<ScoringInput>()).Schema;

    /// <summary>A copy with another manifest (e.g. a new version stamp or threshold); the ML.NET chain is shared.</summary>
    public LoadedModel WithManifest(ModelManifest manifest) => new(manifest, Context, Transformer);

    /// <summary>Writes <c>model.zip</c> and <c>manifest.json</c> into a directory (created if needed).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var zip = Path.Combine(directory, Manifest.ModelFile);
        var temporary = zip + ".tmp";
        Context.Model.Save(Transformer, InputSchema, temporary);
        File.Move(temporary, zip, overwrite: true);
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(Manifest, ManifestJson.Options));
    }

    /// <summary>Loads a model directory written by <see cref="Save"/>; any problem becomes a <see cref="ModelLoadException"/> that says what is wrong.</summary>
    public static LoadedModel Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new ModelLoadException($"No toxicity model at '{directory}': {ManifestFile} is missing.");
        }

        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(manifestPath), ManifestJson.Options)
                ?? throw new ModelLoadException($"The model manifest '{manifestPath}' is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"The model manifest '{manifestPath}' is not valid JSON: {e.Message}", e);
        }

        if (manifest.NormaliserVersion != TextNormaliser.Version || manifest.LexiconVersion != ToxicLexicon.Version)
        {
            throw new ModelLoadException(
                $"Model {manifest.Version} was trained with normaliser v{manifest.NormaliserVersion} and lexicon v{manifest.LexiconVersion}; " +
                $"this build has normaliser v{TextNormaliser.Version} and lexicon v{ToxicLexicon.Version}. Retrain it.");
        }

        var zip = Path.Combine(directory, manifest.ModelFile);
        if (!File.Exists(zip))
        {
            throw new ModelLoadException($"Model {manifest.Version}: '{zip}' is missing.");
        }

        var context = new MLContext(seed: 1);
        try
        {
            var transformer = context.Model.Load(zip, out _);
            return new LoadedModel(manifest, context, transformer);
        }
        catch (Exception e) when (e is not ModelLoadException)
        {
            throw new ModelLoadException($"Model {manifest.Version}: '{zip}' could not be read ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    internal PredictionEngine<ScoringInput, ScoringOutput> CreateEngine() =>
        Context.Model.CreatePredictionEngine<ScoringInput, ScoringOutput>(Transformer);

    /// <summary>Scores many texts at once through the chain (faster than one engine call each); used by evaluation.</summary>
    public double[] ScoreBatch(IReadOnlyList<string> texts) => ScoreBatch(FeatureRows.Prepare(texts));

    internal double[] ScoreBatch(IReadOnlyList<PreparedText> prepared)
    {
        var inputs = prepared.Select(p => p.For(Manifest.Variant));
        var scored = Transformer.Transform(Context.Data.LoadFromEnumerable(inputs));
        return scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
    }
}
