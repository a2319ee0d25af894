using System.Net;

namespace DistillGuard.Core.Hosting;

/// <summary>Checks listen URLs: plain <c>http://</c> on a loopback host only, so a server (TAXII, the online service) is never exposed without a TLS proxy.</summary>
public static class LoopbackUrls
{
    /// <summary>The URLs of a <c>;</c>-separated list; an <see cref="ArgumentException"/> names the first that is not http:// on loopback.</summary>
    public static string[] Parse(string urls)
    {
        var list = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("no URL to listen on");
        }

        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"'{url}' is not an http:// URL (TLS is terminated by a proxy in front of this server)");
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                throw new ArgumentException($"'{url}' is not a loopback address; the server listens on 127.0.0.1 or ::1 only, behind a TLS proxy");
            }
        }

        return list;
    }
}

/// <summary>Reads the token of an <c>Authorization: Bearer ...</c> header.</summary>
public static class BearerHeader
{
    /// <summary>The token, or null when the header is missing, of another scheme or empty.</summary>
    public static string? Token(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
