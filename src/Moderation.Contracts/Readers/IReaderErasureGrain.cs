namespace Moderation.Contracts.Readers;

/// <summary>Runs one erasure job (keyed by its id) to the end, once at a time across the cluster; running it again finds its work done.</summary>
public interface IReaderErasureGrain : IGrainWithStringKey
{
    /// <summary>Runs the recorded job to the end (or joins the run under way) and returns it as done; still running when the store is too full to go on.</summary>
    Task<ErasureJob> Run();
}
