using Moderation.Silo.Hosting;
using Moderation.Testing;

namespace Moderation.Api.Tests.Hosting;

public sealed class SiloOptionsTests
{
    [Theory]
    [InlineData(0, 30000, "must be ports")]
    [InlineData(11111, 70000, "must be ports")]
    [InlineData(11111, 11111, "must differ")]
    public void Bad_ports_are_named(int siloPort, int gatewayPort, string expected)
    {
        var options = new SiloOptions { SiloPort = siloPort, GatewayPort = gatewayPort };

        Assert.Contains(expected, options.Problem());
    }

    [Fact]
    public void The_defaults_are_sound() => Assert.Null(new SiloOptions().Problem());

    [Fact]
    public void An_advertised_host_name_resolves_to_an_address()
    {
        var options = new SiloOptions { AdvertisedAddress = "localhost" };

        Assert.True(System.Net.IPAddress.IsLoopback(options.ResolveAdvertisedAddress()!));
    }

    [Fact]
    public void A_silo_with_the_same_silo_and_gateway_port_refuses_to_start_and_says_why()
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = "11490",
            ["Orleans:GatewayPort"] = "11490",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Orleans:SiloPort and Orleans:GatewayPort must differ", failure.ToString());
    }
}
