using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Ui;

/// <summary>A logged-in analyst or admin: the token's name and role, the form token every post must carry, and when it ends.</summary>
internal sealed record UiSession(string Id, string Name, Role Role, string FormToken, DateTimeOffset ExpiresAt)
{
    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Whether <paramref name="presented"/> is this session's form token, compared in constant time.</summary>
    public bool Accepts(string? presented) => UiSessions.SameSecret(FormToken, presented);
}

/// <summary>
/// Dashboard sessions, in memory: a bearer token is exchanged once for a random session id (the cookie) and a random form
/// token (the antiforgery token each form carries). Sessions end at their expiry, at logout, or when the service restarts.
/// </summary>
internal sealed class UiSessions(TimeProvider clock, TimeSpan lifetime)
{
    public const string Cookie = "dg_session";

    private readonly ConcurrentDictionary<string, UiSession> sessions = new(StringComparer.Ordinal);

    public UiSession Start(ServiceToken token)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, old) in sessions)
        {
            if (old.ExpiresAt <= now)
            {
                sessions.TryRemove(id, out _);
            }
        }

        var session = new UiSession(NewSecret(), token.Name, token.Role, NewSecret(), now + lifetime);
        sessions[session.Id] = session;
        return session;
    }

    public UiSession? Find(string? id) =>
        id is { Length: > 0 } && sessions.TryGetValue(id, out var session) && session.ExpiresAt > clock.GetUtcNow() ? session : null;

    public void End(string id) => sessions.TryRemove(id, out _);

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool SameSecret(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
