namespace DistillGuard.Core.Model;

/// <summary>The customer account that made a call.</summary>
public readonly record struct AccountId(string Value) : IComparable<AccountId>
{
    public int CompareTo(AccountId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;

    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;
}

/// <summary>The id of one distillation campaign as DistillGuard names it.</summary>
public readonly record struct CampaignId(string Value)
{
    public override string ToString() => Value;
}
