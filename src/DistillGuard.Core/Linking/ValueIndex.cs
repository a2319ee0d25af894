using DistillGuard.Core.Features;

namespace DistillGuard.Core.Linking;

/// <summary>A shared attribute value: its link kind and its hash.</summary>
internal readonly record struct ValueKey(LinkKind Kind, ulong Value);

/// <summary>Inverted index from attribute values to the accounts (by position) that carry them.</summary>
internal static class ValueIndex
{
    public static Dictionary<ValueKey, List<int>> Build(IReadOnlyList<LinkCandidate> ordered)
    {
        var index = new Dictionary<ValueKey, List<int>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            foreach (var key in KeysOf(ordered[i].State))
            {
                AddTo(index, key, i);
            }
        }

        return index;
    }

    /// <summary>The linkable values an account carries, in attribute order.</summary>
    public static IEnumerable<ValueKey> KeysOf(AccountState state)
    {
        foreach (var attribute in Enum.GetValues<AttributeKind>())
        {
            if (LinkKinds.FromAttribute(attribute) is not { } kind)
            {
                continue;
            }

            foreach (var (value, count) in state.Attributes.Top((int)attribute))
            {
                // A wrapper template links only if the account itself reuses it.
                if (kind == LinkKind.Template && count < 2)
                {
                    continue;
                }

                yield return new ValueKey(kind, value);
            }
        }

        if (state.CreatedTicks != long.MaxValue)
        {
            yield return new ValueKey(LinkKind.SignupBurst, LinkKinds.SignupBucket(state.CreatedTicks));
        }
    }

    /// <summary>
    /// The values some of <paramref name="members"/> carry, with their carriers, in the order <see cref="Build"/> met
    /// them (the index's own order): by first carrier, then by the place of the value among that carrier's values.
    /// Reads only the members' values, not the whole index.
    /// </summary>
    public static IEnumerable<(ValueKey Key, List<int> Carriers)> CarriedBy(int[] members, LinkCandidate[] ordered, Dictionary<ValueKey, List<int>> index)
    {
        var carried = new HashSet<ValueKey>();
        foreach (var member in members)
        {
            carried.UnionWith(KeysOf(ordered[member].State));
        }

        return carried
            .Select(key => (Key: key, Carriers: index[key]))
            .OrderBy(v => v.Carriers[0])
            .ThenBy(v => KeysOf(ordered[v.Carriers[0]].State).TakeWhile(k => k != v.Key).Count());
    }

    /// <summary>Adds an account to a key's list once (accounts arrive in position order).</summary>
    public static void AddTo<TKey>(Dictionary<TKey, List<int>> index, TKey key, int account)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != account)
        {
            list.Add(account);
        }
    }
}
