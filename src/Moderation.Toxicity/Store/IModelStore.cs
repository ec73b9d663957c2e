using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Store;

/// <summary>Model versions and a "current" pointer, shared by every silo that scores with them.</summary>
public interface IModelStore
{
    /// <summary>Raised in this process after <see cref="Promote"/> moved the pointer (other processes notice by polling <see cref="CurrentVersion"/>).</summary>
    event EventHandler<string>? CurrentChanged;

    /// <summary>The version the pointer names, or null when nothing was promoted yet.</summary>
    string? CurrentVersion();

    IReadOnlyList<string> Versions();

    void Save(LoadedModel model);

    LoadedModel Load(string version);

    /// <summary>Points "current" at a saved version.</summary>
    void Promote(string version);
}
