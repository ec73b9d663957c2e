namespace Moderation.Toxicity.Models;

/// <summary>The model shipped with the library, copied next to the assemblies in <c>DefaultModel/</c>.</summary>
public static class DefaultModel
{
    public const string FolderName = "DefaultModel";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>Loads the shipped model; throws <see cref="ModelLoadException"/> with the reason when it is missing or corrupt.</summary>
    public static LoadedModel Load() => LoadedModel.Load(Directory);
}
