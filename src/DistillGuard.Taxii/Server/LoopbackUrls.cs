using System.Net;

namespace DistillGuard.Taxii.Server;

/// <summary>Checks listen URLs: plain <c>http://</c> on a loopback host only, so the server is never exposed without a TLS proxy.</summary>
internal static class LoopbackUrls
{
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
