using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Toxicity.Models;

namespace Moderation.Api.Model;

/// <summary>The versions a site can switch between: those in the store, and the shipped default, which is the start.</summary>
public sealed class ModelVersions(RedisModelStore store)
{
    // The manifest's own JSON form (camelCase, enums as names, NaN allowed).
    private static readonly JsonSerializerOptions ManifestOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly Lazy<ModelManifest> Shipped = new(() => Parse(File.ReadAllText(Path.Combine(DefaultModel.Directory, LoadedModel.ManifestFile))));

    /// <summary>The current version: the store's pointer, or the shipped default's while nothing was promoted.</summary>
    public string Current() => store.CurrentVersion() ?? Shipped.Value.Version;

    /// <summary>Every version's manifest, newest trained first.</summary>
    public IReadOnlyList<ModelManifest> All()
    {
        var manifests = store.Versions().Select(store.ManifestJson).OfType<string>().Select(Parse).ToList();
        if (!manifests.Any(manifest => manifest.Version == Shipped.Value.Version))
        {
            manifests.Add(Shipped.Value);
        }

        return [.. manifests.OrderByDescending(manifest => manifest.TrainedAt)];
    }

    /// <summary>Makes <paramref name="version"/> current on every silo; false when there is no such version.</summary>
    public bool Promote(string version)
    {
        if (!RedisModelStore.IsVersionName(version))
        {
            return false;
        }

        if (store.ManifestJson(version) is null)
        {
            if (version != Shipped.Value.Version)
            {
                return false;
            }

            // The shipped default enters the store the first time someone goes back to it.
            TrySave(DefaultModel.Load());
        }

        store.Promote(version);
        return true;
    }

    public ModelManifest? Find(string version) => All().FirstOrDefault(manifest => manifest.Version == version);

    private void TrySave(LoadedModel model)
    {
        try
        {
            store.Save(model);
        }
        catch (InvalidOperationException) when (store.ManifestJson(model.Version) is not null)
        {
            // Another request saved it first.
        }
    }

    private static ModelManifest Parse(string json) =>
        JsonSerializer.Deserialize<ModelManifest>(json, ManifestOptions) ?? throw new InvalidOperationException("An empty model manifest.");
}
