using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Moderation.Api.Auth;

/// <summary>Finds the HS256 key: from configuration, or in Development from a file in the data directory made on first run.</summary>
public static class SigningKeys
{
    public const int MinimumBytes = 32;
    private const string DevelopmentKeyFile = "dev-signing-key";

    public static SymmetricSecurityKey Resolve(AuthOptions options, IHostEnvironment environment, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new SymmetricSecurityKey(Decode(options.SigningKey));
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Auth:SigningKey is not set. Outside Development the service needs the base64 of at least {MinimumBytes} random bytes " +
                "(for example from `openssl rand -base64 48`) in Auth:SigningKey or the Auth__SigningKey environment variable.");
        }

        return new SymmetricSecurityKey(DevelopmentKey(dataDirectory));
    }

    private static byte[] Decode(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey is not valid base64.");
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"Auth:SigningKey decodes to {key.Length} bytes; at least {MinimumBytes} are required.");
    }

    private static byte[] DevelopmentKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, DevelopmentKeyFile);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path));
        }

        Directory.CreateDirectory(dataDirectory);
        var key = RandomNumberGenerator.GetBytes(48);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        File.Move(temporary, path, overwrite: true);
        return key;
    }
}
