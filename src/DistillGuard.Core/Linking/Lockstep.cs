using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Linking;

/// <summary>
/// Lockstep evidence (after SynchroTrap and CopyCatch): accounts active in the same UTC hours over
/// a long period. Each account's active hours are a MinHash signature; accounts whose signatures
/// agree on a whole band (four bins) become candidates (a band's carriers paired as any shared value's are,
/// <see cref="CandidatePairs"/>, a ring in signature order), and a pair counts when the full signature
/// estimates a Jaccard similarity over the threshold. A band value is treated like a shared
/// attribute value: it counts only when mostly candidates carry it, and its weight falls with the
/// share of ordinary accounts that match it too (office hours or a round-the-clock pipeline).
/// </summary>
internal static class Lockstep
{
    public static void Find(LinkCandidate[] ordered, bool[] isCandidate, int ordinaryPopulation, LinkerOptions options, TemporalPairs notes)
    {
        var bands = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < ordered.Length; i++)
        {
            ref readonly var signature = ref ordered[i].State.Activity;
            if (signature.ActiveHours < options.LockstepMinActiveHours)
            {
                continue;
            }

            for (var band = 0; band < ActivitySignature.Bands; band++)
            {
                var value = signature.Band(band);
                if (value != 0)
                {
                    ValueIndex.AddTo(bands, StableHash.Combine((ulong)band + 1, value), i);
                }
            }
        }

        foreach (var (_, members) in bands.OrderBy(b => b.Key))
        {
            var candidates = members.Where(i => isCandidate[i]).ToArray();
            if (!LinkKinds.Binds(LinkKind.Lockstep, candidates.Length, members.Count, options.MinPurity) || candidates.Length > options.MaxPairBucket)
            {
                continue;
            }

            var weight = options.KindWeights.Lockstep * TemporalPairs.PurityFactor(candidates.Length, members.Count, options.MinPurity);
            if (weight <= 0)
            {
                continue;
            }

            var rarity = new ValueRarity(members.Count, members.Count - candidates.Length, ordinaryPopulation);
            foreach (var (a, b) in CandidatePairs.Of(InRingOrder(candidates, ordered, options.PairNeighbours), options.PairNeighbours))
            {
                var similarity = ordered[a].State.Activity.Similarity(ordered[b].State.Activity);
                if (similarity >= options.LockstepMinSimilarity)
                {
                    notes.Note(a, b, new TemporalNote(LinkKind.Lockstep, weight, similarity, rarity));
                }
            }
        }
    }

    /// <summary>
    /// A band's carriers in the order their pairs are read: by position when the band is read whole; otherwise sorted by
    /// their whole signatures (sorted neighbourhood), so that accounts that agree on every band sit side by side on the ring.
    /// </summary>
    private static int[] InRingOrder(int[] candidates, LinkCandidate[] ordered, int neighbours) =>
        CandidatePairs.ReadsWhole(candidates.Length, neighbours)
            ? candidates
            : [.. candidates
                .OrderBy(c => ordered[c].State.Activity.Band(0))
                .ThenBy(c => ordered[c].State.Activity.Band(1))
                .ThenBy(c => ordered[c].State.Activity.Band(2))
                .ThenBy(c => ordered[c].State.Activity.Band(3))
                .ThenBy(c => c)];
}
