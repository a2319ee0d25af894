using System.Net;
using System.Net.Sockets;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>
/// In-memory hashes of the identity and infrastructure attributes of one exchange (0 = absent);
/// <see cref="Client"/> is the user agent alone.
/// These never leave the process; what is stored or shared uses keyed hashes instead.
/// </summary>
public readonly record struct ExchangeAttributes(
    ulong Payment,
    ulong ClientIp,
    ulong Network,
    ulong AsnClient,
    ulong EmailDomain,
    ulong Model,
    ulong Client)
{
    public static ExchangeAttributes Of(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var client = StableHash.Of(exchange.UserAgent);
        return new ExchangeAttributes(
            Tag(1, StableHash.Of(exchange.PaymentFingerprint)),
            Tag(2, StableHash.Of(exchange.ClientIp)),
            Tag(3, StableHash.Of(NetworkPrefix(exchange.ClientIp))),
            exchange.Asn is { } asn ? Tag(4, StableHash.Combine((ulong)asn, client)) : 0,
            Tag(5, StableHash.Of(exchange.EmailDomain?.ToLowerInvariant())),
            Tag(6, StableHash.Of(exchange.Model)),
            Tag(7, client));
    }

    /// <summary>The /24 of an IPv4 address or the /48 of an IPv6 address, as text; null if not an IP.</summary>
    public static string? NetworkPrefix(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return NetworkPrefix(address.MapToIPv4().ToString());
        }

        Array.Clear(bytes, 6, bytes.Length - 6);
        return new IPAddress(bytes) + "/48";
    }

    private static ulong Tag(ulong kind, ulong hash) => hash == 0 ? 0 : StableHash.Combine(kind, hash);
}
