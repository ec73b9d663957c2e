namespace Moderation.Grains;

internal static class DurableWrites
{
    /// <summary>
    /// Writes the state; when the write fails the activation is dropped so that the next call reloads
    /// what is really stored instead of serving the in-memory change that never became durable.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
