namespace DistillGuard.Service.Config;

/// <summary>What a token may do: the gateway ingests and decides, the analyst reads and labels, the admin does everything.</summary>
public enum Role
{
    Gateway,
    Analyst,
    Admin,
}

/// <summary>The contract's spelling of <see cref="Role"/>.</summary>
public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string ToContract(this Role role) => role switch
    {
        Role.Gateway => "gateway",
        Role.Analyst => "analyst",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToContract(), text, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
