namespace Moderation.Silo.Hosting;

public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "moderation";

    public string ServiceId { get; set; } = "moderation";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on (Redis mode); empty picks this host's first address.</summary>
    public string? AdvertisedAddress { get; set; }
}
