using System.Security.Cryptography;
using System.Text;
using DistillGuard.Taxii.Config;

namespace DistillGuard.Taxii.Server;

/// <summary>
/// Finds the grant for a presented bearer token in constant time: every configured token is
/// compared (as SHA-256 digests, so lengths do not leak either) and the loop never exits early.
/// </summary>
public sealed class TokenAuthenticator
{
    private readonly (byte[] Digest, TokenGrant Grant)[] grants;

    public TokenAuthenticator(IEnumerable<TokenGrant> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        grants = tokens.Select(t => (Digest(t.Token), t)).ToArray();
    }

    /// <summary>The grant whose token equals <paramref name="presented"/>, or null.</summary>
    public TokenGrant? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = Digest(presented);
        TokenGrant? found = null;
        foreach (var (candidate, grant) in grants)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                found = grant;
            }
        }

        return found;
    }

    /// <summary>The token of an <c>Authorization: Bearer ...</c> header value, or null.</summary>
    public static string? BearerToken(string? authorization) => Core.Hosting.BearerHeader.Token(authorization);

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
