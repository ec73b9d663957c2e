using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Models;

/// <summary>A model ready to score: the ML.NET chain, its manifest, and what explanations need (weights, slot names).</summary>
public sealed class LoadedModel
{
    public const string ManifestFile = "manifest.json";

    internal LoadedModel(ModelManifest manifest, MLContext context, ITransformer transformer)
        : this(manifest, context, transformer, explainer: null, site: null)
    {
    }

    private LoadedModel(ModelManifest manifest, MLContext context, ITransformer transformer, FeatureExplainer? explainer, SiteTextModel? site)
    {
        if ((manifest.Site is null) != (site is null))
        {
            throw new ModelLoadException($"Model {manifest.Version}: the manifest and the site layer do not match.");
        }

        Manifest = manifest;
        Context = context;
        Transformer = transformer;
        Explainer = explainer ?? FeatureExplainer.For(this);
        Site = site is null ? null : new SiteLayer(site, manifest.Site!.BaseWeight, manifest.Site.SiteWeight, manifest.Site.Intercept);
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    internal MLContext Context { get; }

    internal ITransformer Transformer { get; }

    internal FeatureExplainer Explainer { get; }

    /// <summary>The layer learned from a site's moderators, or null for a base model.</summary>
    internal SiteLayer? Site { get; }

    /// <summary>The base model alone: this model when it has no site layer, else the model its site layer sits on.</summary>
    public LoadedModel Base => Manifest.Site is not { } site ? this : new(Manifest with
    {
        Version = site.BaseVersion,
        HoldThreshold = site.BaseHoldThreshold,
        TrainedAt = site.BaseTrainedAt,
        Metrics = Manifest.Metrics.Where(m => !m.Key.StartsWith("site.", StringComparison.Ordinal)).ToDictionary(),
        BasedOn = null,
        Site = null,
    }, Context, Transformer, Explainer, site: null);

    internal DataViewSchema InputSchema => Context.Data.LoadFromEnumerable(Array.Empty<ScoringInput>()).Schema;

    /// <summary>A copy with another manifest (e.g. a new version stamp or threshold); the ML.NET chain is shared.</summary>
    public LoadedModel WithManifest(ModelManifest manifest) => new(manifest, Context, Transformer, Explainer, Site?.Text);

    /// <summary>This model's base with a site layer on top, described by <paramref name="manifest"/>'s <see cref="ModelManifest.Site"/>.</summary>
    internal LoadedModel WithSite(ModelManifest manifest, SiteTextModel site) => new(manifest, Context, Transformer, Explainer, site);

    /// <summary>Writes <c>model.zip</c> and <c>manifest.json</c> into a directory (created if needed).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var zip = Path.Combine(directory, Manifest.ModelFile);
        var temporary = zip + ".tmp";
        Context.Model.Save(Transformer, InputSchema, temporary);
        File.Move(temporary, zip, overwrite: true);
        if (Site is not null)
        {
            Site.Text.Save(Path.Combine(directory, Manifest.Site!.File));
        }

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
            if (manifest.Site is { } layer && Path.GetFileName(layer.File) != layer.File)
            {
                throw new ModelLoadException($"Model {manifest.Version}: the site model's file '{layer.File}' is not a file name in the model's directory.");
            }

            var site = manifest.Site is null ? null : SiteTextModel.Load(Path.Combine(directory, manifest.Site.File));
            return new LoadedModel(manifest, context, transformer, explainer: null, site);
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
        var inputs = prepared.Select(p => new ScoringInput { Text = Manifest.Variant.Normalise ? p.Normalised : p.Raw, Lexicon = p.Lexicon });
        var scored = Transformer.Transform(Context.Data.LoadFromEnumerable(inputs));
        var probabilities = scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        if (Site is not null)
        {
            for (var i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] = Site.Probability(probabilities[i], prepared[i].Normalised, prepared[i].Lexicon);
            }
        }

        return probabilities;
    }
}
