using CsCheck;
using DistillGuard.Core.Features;
using DistillGuard.Core.Sketches;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>
/// The network an exchange comes from is hashed without parsing a canonical IPv4 address into an object: the hash must be
/// the one of the prefix text <see cref="ExchangeAttributes.NetworkPrefix"/> gives, for any text a log may carry.
/// </summary>
public class NetworkHashTests
{
    private static readonly string[] Odd = ["0", "00", "01", "007", "", "a", "-1", "1e2", " 1", "0x1f", "٣"];

    private static ulong ByPrefixText(string? ip) => StableHash.Of(ExchangeAttributes.NetworkPrefix(ip));

    [Theory]
    [InlineData("153.232.51.62")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("010.1.2.3")] // a leading zero is octal to IPAddress: 8.1.2.0/24
    [InlineData("1.2.3")] // three parts parse as 1.2.0.3
    [InlineData("0x7f.0.0.1")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4.")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("2001:db8:85a3::8a2e:370:7334")]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData(null)]
    public void EqualsTheHashOfThePrefixText(string? ip) => Assert.Equal(ByPrefixText(ip), ExchangeAttributes.NetworkHash(ip));

    [Fact]
    public void EqualsTheHashOfThePrefixTextForGeneratedAddressLikeText()
    {
        var part = Gen.OneOf(
            Gen.Int[0, 255].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Int[0, 2000].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Int[0, Odd.Length - 1].Select(i => Odd[i]));
        var text = part.Array[1, 6].Select(parts => string.Join('.', parts));
        text.Sample(ip => ByPrefixText(ip) == ExchangeAttributes.NetworkHash(ip), iter: 20_000);
    }
}
