namespace DistillGuard.Core.Linking;

/// <summary>Disjoint sets over positions; the root of a set is its smallest member, so results do not depend on union order.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count) => _parent = Enumerable.Range(0, count).ToArray();

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        if (ra < rb)
        {
            _parent[rb] = ra;
        }
        else
        {
            _parent[ra] = rb;
        }
    }
}
