using System.Security.Cryptography;
using System.Text;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Server;

/// <summary>
/// Finds the configured token whose SHA-256 equals the presented token's, in constant time: every hash is compared
/// and the loop never exits early, and digests have one length, so neither which token matched nor its length leaks.
/// </summary>
public sealed class TokenRoles(IReadOnlyList<ServiceToken> tokens)
{
    /// <summary>The token matching <paramref name="presented"/>, or null for a missing or unknown one.</summary>
    public ServiceToken? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ServiceToken? found = null;
        foreach (var token in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(token.Sha256, digest))
            {
                found = token;
            }
        }

        return found;
    }
}
