using System.Security.Cryptography;
using System.Text;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>Test data: one token per role, a config that holds their hashes, and exchange records.</summary>
internal static class Some
{
    public static readonly IReadOnlyDictionary<Role, string> Tokens = new Dictionary<Role, string>
    {
        [Role.Gateway] = "gateway-token-0123456789abcdef",
        [Role.Analyst] = "analyst-token-0123456789abcdef",
        [Role.Admin] = "admin-token-0123456789abcdef",
    };

    /// <summary>Looks like a token, is in no config.</summary>
    public const string ForgedToken = "forged-token-0123456789abcdef";

    public static string Sha256Hex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string ConfigJson(int relinkSeconds = 3600, long maxBodyBytes = ServiceConfig.DefaultMaxBodyBytes) => $$"""
        {
          "tokens": [
            { "name": "edge-gateway", "role": "gateway", "sha256": "{{Sha256Hex(Tokens[Role.Gateway])}}" },
            { "name": "alice", "role": "analyst", "sha256": "{{Sha256Hex(Tokens[Role.Analyst])}}" },
            { "name": "ops", "role": "admin", "sha256": "{{Sha256Hex(Tokens[Role.Admin])}}" }
          ],
          "relink_seconds": {{relinkSeconds}},
          "max_body_bytes": {{maxBodyBytes}}
        }
        """;

    public static ServiceConfig Config(int relinkSeconds = 3600, long maxBodyBytes = ServiceConfig.DefaultMaxBodyBytes) =>
        ServiceConfigFile.Parse(ConfigJson(relinkSeconds, maxBodyBytes), "test", Path.GetTempPath());

    /// <summary>A valid exchange record of the input contract, one JSON line.</summary>
    public static string Record(string eventId, string account = "acct-1", string prompt = "How do I sort a list in Python?", int minute = 0) =>
        $$"""{"event_id":"{{eventId}}","timestamp":"2026-03-01T08:{{minute % 60:00}}:00Z","account_id":"{{account}}","model":"m-1","prompt":"{{prompt}}","input_tokens":12,"output_tokens":40}""";

    public static string Ndjson(IEnumerable<string> records) => string.Join("\n", records) + "\n";
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dg-svc-" + Guid.NewGuid().ToString("N")[..10]);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
